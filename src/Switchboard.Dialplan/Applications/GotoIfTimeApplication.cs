using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Timing;

namespace Switchboard.Dialplan.Applications;

/// <summary>GotoIfTime(times,weekdays,mdays,months[,timezone]?[labeliftrue][:labeliffalse]).</summary>
internal sealed class GotoIfTimeApplication : IDialplanApplication
{
    public string Name => "GotoIfTime";

    public ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        var q = args.IndexOf('?', StringComparison.Ordinal);
        if (q < 0)
        {
            DialplanLog.LogWarning(context.Logger, $"GotoIfTime requires an argument: <time range>,<days of week>,<days of month>,<months>[,<timezone>]?'labeliftrue':'labeliffalse', got '{args}'");
            return ValueTask.FromResult(AppResult.Continue);
        }

        if (!TimeSpec.TryParse(args[..q], out var spec, out var error))
        {
            DialplanLog.LogWarning(context.Logger, $"GotoIfTime: invalid time specification '{args[..q]}': {error}");
            return ValueTask.FromResult(AppResult.Continue);
        }

        var branches = args[(q + 1)..];
        var colon = branches.IndexOf(':', StringComparison.Ordinal);
        var whenTrue = colon < 0 ? branches : branches[..colon];
        var whenFalse = colon < 0 ? string.Empty : branches[(colon + 1)..];
        var branch = spec.Matches(context.Time) ? whenTrue : whenFalse;
        return ValueTask.FromResult(branch.Trim().Length == 0 ? AppResult.Continue : GotoApplication.Jump(context, branch));
    }
}
