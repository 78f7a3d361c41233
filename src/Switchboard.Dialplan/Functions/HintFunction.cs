using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Functions;

/// <summary>HINT(extension[@context][,n]): the hint's device list (context defaults to <c>default</c>); with n, its name (none are kept: empty).</summary>
internal sealed class HintFunction : DialplanFunction
{
    public override string Name => "HINT";

    public override FunctionResult Read(DialplanContext context, string args)
    {
        var a = AppArgs.Standard(args);
        var target = AppArgs.At(a, 0).Trim();
        if (target.Length == 0)
        {
            return FunctionResult.Fail("The HINT function requires an extension");
        }

        var at = target.IndexOf('@', StringComparison.Ordinal);
        var exten = at < 0 ? target : target[..at];
        var ctx = at < 0 ? "default" : target[(at + 1)..];
        if (AppArgs.At(a, 1).Contains('n', StringComparison.Ordinal))
        {
            return FunctionResult.Ok(string.Empty);
        }

        return FunctionResult.Ok(context.Dialplan.FindHint(ctx, exten, context.Time) ?? string.Empty);
    }
}
