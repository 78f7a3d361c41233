using System.Globalization;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Applications;

/// <summary>
/// Progress() and Ringing() send an indication and continue; Busy([timeout]) and Congestion([timeout]) send
/// it, wait for the caller to hang up (or the timeout) and end the call with cause 17 or 34.
/// </summary>
internal sealed class IndicateApplication(string name, ChannelIndication indication) : IDialplanApplication
{
    public string Name => name;

    public async ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        if (indication is ChannelIndication.Progress or ChannelIndication.Ringing)
        {
            await context.Channel.IndicateAsync(indication, cancellationToken).ConfigureAwait(false);
            return context.Channel.IsHungUp ? AppResult.Hangup : AppResult.Continue;
        }

        var timeout = context.Engine.Options.IndicationTimeout;
        if (int.TryParse(args.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            timeout = TimeSpan.FromSeconds(seconds);
        }

        await Indications.IndicateAndWaitAsync(context, indication, timeout, cancellationToken).ConfigureAwait(false);
        return AppResult.Hangup;
    }
}
