using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Applications;

/// <summary>
/// Playback(files[,options]): plays files without listening for digits. Options: skip (do nothing when not
/// answered), noanswer. A missing file is logged and the next one played. Sets ${PLAYBACKSTATUS}.
/// </summary>
internal sealed class PlaybackApplication : IDialplanApplication
{
    public string Name => "Playback";

    public async ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        var a = AppArgs.Standard(args);
        var files = Prompts.SplitFiles(AppArgs.At(a, 0));
        var options = AppArgs.At(a, 1).ToLowerInvariant();
        var channel = context.Channel;
        if (files.Count == 0)
        {
            DialplanLog.LogWarning(context.Logger, "Playback requires an argument (filename)");
            channel.Variables.Set("PLAYBACKSTATUS", "FAILED");
            return AppResult.Continue;
        }

        if (channel.State != ChannelState.Up)
        {
            if (options.Contains("skip", StringComparison.Ordinal))
            {
                channel.Variables.Set("PLAYBACKSTATUS", "SUCCESS");
                return AppResult.Continue;
            }

            if (!options.Contains("noanswer", StringComparison.Ordinal))
            {
                await channel.AnswerAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        var missing = new List<string>();
        var result = await Prompts.PlayAllAsync(channel, files, string.Empty, cancellationToken, missing).ConfigureAwait(false);
        if (result.Outcome == PlaybackOutcome.HungUp)
        {
            channel.Variables.Set("PLAYBACKSTATUS", "FAILED");
            return AppResult.Hangup;
        }

        if (missing.Count > 0)
        {
            DialplanLog.LogWarning(context.Logger, $"Playback failed on {channel.Name} for {string.Join("&", missing)}");
        }

        channel.Variables.Set("PLAYBACKSTATUS", missing.Count > 0 ? "FAILED" : "SUCCESS");
        return AppResult.Continue;
    }
}
