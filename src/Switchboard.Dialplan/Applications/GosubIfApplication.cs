using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Applications;

/// <summary>GosubIf(condition?labeliftrue[(args)][:labeliffalse[(args)]]).</summary>
internal sealed class GosubIfApplication : IDialplanApplication
{
    public string Name => "GosubIf";

    public ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        var condition = AppArgs.Split(args, '?', removeChars: false, maxArgs: 2);
        if (condition.Count != 2)
        {
            DialplanLog.LogWarning(context.Logger, "GosubIf requires an argument: GosubIf(cond?label1(args):label2(args)");
            return ValueTask.FromResult(AppResult.Continue);
        }

        var labels = AppArgs.Split(condition[1], ':', removeChars: false, maxArgs: 2);
        var chosen = Conditions.IsTrue(condition[0]) ? AppArgs.At(labels, 0) : AppArgs.At(labels, 1);
        return ValueTask.FromResult(chosen.Trim().Length == 0 ? AppResult.Continue : GosubApplication.Call(context, chosen));
    }
}
