using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Timing;

namespace Switchboard.Dialplan.Applications;

/// <summary>ExecIfTime(times,weekdays,mdays,months[,timezone]?appname[(args)]).</summary>
internal sealed class ExecIfTimeApplication : IDialplanApplication
{
    public string Name => "ExecIfTime";

    public ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        var q = args.IndexOf('?', StringComparison.Ordinal);
        if (q < 0)
        {
            DialplanLog.LogWarning(context.Logger, "ExecIfTime requires an argument: <time range>,<days of week>,<days of month>,<months>[,<timezone>]?<appname>[(<appargs>)]");
            return ValueTask.FromResult(AppResult.Continue);
        }

        if (!TimeSpec.TryParse(args[..q], out var spec, out var error))
        {
            DialplanLog.LogWarning(context.Logger, $"ExecIfTime: invalid time specification '{args[..q]}': {error}");
            return ValueTask.FromResult(AppResult.Continue);
        }

        return spec.Matches(context.Time) ? ExecApplication.RunAsync(context, args[(q + 1)..], cancellationToken) : ValueTask.FromResult(AppResult.Continue);
    }
}
