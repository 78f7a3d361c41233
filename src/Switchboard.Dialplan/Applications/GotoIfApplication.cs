using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Applications;

/// <summary>GotoIf(condition?[labeliftrue][:labeliffalse]): jumps by Asterisk's truth test; an empty branch continues.</summary>
internal sealed class GotoIfApplication : IDialplanApplication
{
    public string Name => "GotoIf";

    public ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        var q = args.IndexOf('?', StringComparison.Ordinal);
        if (q < 0)
        {
            DialplanLog.LogWarning(context.Logger, $"GotoIf requires an argument (condition)?label1:label2, got '{args}'");
            return ValueTask.FromResult(AppResult.Continue);
        }

        var branches = args[(q + 1)..];
        var colon = branches.IndexOf(':', StringComparison.Ordinal);
        var whenTrue = colon < 0 ? branches : branches[..colon];
        var whenFalse = colon < 0 ? string.Empty : branches[(colon + 1)..];
        var branch = Conditions.IsTrue(args[..q]) ? whenTrue : whenFalse;
        return ValueTask.FromResult(branch.Trim().Length == 0 ? AppResult.Continue : GotoApplication.Jump(context, branch));
    }
}
