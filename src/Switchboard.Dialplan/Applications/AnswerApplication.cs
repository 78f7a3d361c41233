using System.Globalization;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Applications;

/// <summary>Answer([delay]): answers if not yet up, then waits delay milliseconds.</summary>
internal sealed class AnswerApplication : IDialplanApplication
{
    public string Name => "Answer";

    public async ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        var channel = context.Channel;
        if (channel.IsHungUp)
        {
            return AppResult.Hangup;
        }

        if (channel.State != ChannelState.Up)
        {
            await channel.AnswerAsync(cancellationToken).ConfigureAwait(false);
        }

        var delayText = args.Split(',')[0].Trim();
        if (delayText.Length > 0 && int.TryParse(delayText, NumberStyles.None, CultureInfo.InvariantCulture, out var delay) && delay > 0)
        {
            if (!await channel.WaitAsync(TimeSpan.FromMilliseconds(delay), cancellationToken).ConfigureAwait(false))
            {
                return AppResult.Hangup;
            }
        }

        return channel.IsHungUp ? AppResult.Hangup : AppResult.Continue;
    }
}
