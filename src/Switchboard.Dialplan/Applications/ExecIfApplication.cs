using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Applications;

/// <summary>ExecIf(condition?appiftrue(args)[:appiffalse(args)]): runs one of two applications; its result is ExecIf's result.</summary>
internal sealed class ExecIfApplication : IDialplanApplication
{
    public string Name => "ExecIf";

    public ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        var condition = AppArgs.Split(args, '?', removeChars: true, maxArgs: 2);
        if (condition.Count < 2 || condition[1].Length == 0)
        {
            return ValueTask.FromResult(AppResult.Error($"ExecIf: invalid syntax '{args}' (expected condition?app(args)[:app(args)])"));
        }

        var apps = AppArgs.Split(condition[1], ':', removeChars: false, maxArgs: 2);
        var chosen = Conditions.IsTrue(condition[0]) ? AppArgs.At(apps, 0) : AppArgs.At(apps, 1);
        return chosen.Trim().Length == 0 ? ValueTask.FromResult(AppResult.Continue) : ExecApplication.RunAsync(context, chosen, cancellationToken);
    }
}
