using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Functions;

/// <summary>LOCAL(var): a variable that belongs to the current Gosub level and is restored on Return.</summary>
internal sealed class LocalFunction : DialplanFunction
{
    public override string Name => "LOCAL";

    public override bool CanWrite => true;

    public override FunctionResult Read(DialplanContext context, string args) => FunctionResult.Ok(context.ReadLocal(args.Trim()));

    public override FunctionResult Write(DialplanContext context, string args, string value) =>
        context.SetLocal(args.Trim(), value) ? FunctionResult.Written : FunctionResult.Fail($"Tried to set LOCAL({args.Trim()}), but we aren't within a Gosub routine");
}
