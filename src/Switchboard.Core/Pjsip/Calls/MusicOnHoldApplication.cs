using System.Globalization;
using Switchboard.Dialplan.Applications;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>
/// MusicOnHold([class[,duration]]): plays the class's files (musiconhold.conf, files mode; "default" when no class
/// is named) until the caller hangs up, or for <c>duration</c> seconds. It does not answer: before an answer the
/// music goes out as early media.
/// </summary>
internal sealed class MusicOnHoldApplication : IDialplanApplication
{
    public string Name => "MusicOnHold";

    public async ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        var parts = args.Split(',', 2);
        string className = parts[0].Trim();
        var duration = Timeout.InfiniteTimeSpan;
        if (parts.Length > 1 && double.TryParse(parts[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            duration = TimeSpan.FromSeconds(Math.Min(seconds, 86400));
        }

        if (context.Channel is not PjsipChannel channel)
        {
            return AppResult.Error("MusicOnHold: not a PJSIP channel");
        }

        if (!channel.StartMusicOnHold(className, out _))
        {
            // Asterisk waits silently when the class cannot play.
            bool alive = duration == Timeout.InfiniteTimeSpan
                ? await WaitForHangupAsync(channel, cancellationToken).ConfigureAwait(false)
                : await channel.WaitAsync(duration, cancellationToken).ConfigureAwait(false);
            return alive ? AppResult.Continue : AppResult.Hangup;
        }

        try
        {
            bool alive = duration == Timeout.InfiniteTimeSpan
                ? await WaitForHangupAsync(channel, cancellationToken).ConfigureAwait(false)
                : await channel.WaitAsync(duration, cancellationToken).ConfigureAwait(false);
            return alive ? AppResult.Continue : AppResult.Hangup;
        }
        finally
        {
            channel.StopMusicOnHold();
        }
    }

    private static async Task<bool> WaitForHangupAsync(PjsipChannel channel, CancellationToken cancellationToken)
    {
        await Task.WhenAny(channel.HungUp, Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken)).ConfigureAwait(false);
        return !channel.IsHungUp;
    }
}
