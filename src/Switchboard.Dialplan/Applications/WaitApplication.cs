using System.Globalization;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Applications;

/// <summary>Wait(seconds): pauses (fractions allowed); DTMF is ignored.</summary>
internal sealed class WaitApplication : IDialplanApplication
{
    public string Name => "Wait";

    public async ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        if (!double.TryParse(args.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0 || seconds > 86400)
        {
            DialplanLog.LogWarning(context.Logger, $"Wait(): '{args}' is not a number of seconds");
            return AppResult.Continue;
        }

        var ok = await context.Channel.WaitAsync(TimeSpan.FromSeconds(seconds), cancellationToken).ConfigureAwait(false);
        return ok ? AppResult.Continue : AppResult.Hangup;
    }
}
