using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Functions;

/// <summary>PASSTHRU(text): returns the text unchanged (lets substring syntax apply to literals).</summary>
internal sealed class PassthruFunction : DialplanFunction
{
    public override string Name => "PASSTHRU";

    public override FunctionResult Read(DialplanContext context, string args) => FunctionResult.Ok(args);
}
