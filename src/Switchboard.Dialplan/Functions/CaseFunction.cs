using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Functions;

/// <summary>TOUPPER(text) and TOLOWER(text).</summary>
internal sealed class CaseFunction(bool upper) : DialplanFunction
{
    public override string Name => upper ? "TOUPPER" : "TOLOWER";

    public override FunctionResult Read(DialplanContext context, string args) =>
        FunctionResult.Ok(upper ? args.ToUpperInvariant() : args.ToLowerInvariant());
}
