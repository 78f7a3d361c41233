using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Applications;

/// <summary>
/// Background(files[,options[,langoverride[,context]]]): plays files while listening for digits; a digit
/// stops playback and starts digit collection (in <c>context</c> when given). Options: s = skip when not
/// answered, n = do not answer. Sets ${BACKGROUNDSTATUS} to SUCCESS or FAILED.
/// </summary>
internal sealed class BackgroundApplication : IDialplanApplication
{
    public string Name => "Background";

    public async ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        var a = AppArgs.Standard(args);
        var files = Prompts.SplitFiles(AppArgs.At(a, 0));
        var options = AppArgs.At(a, 1);
        var language = AppArgs.At(a, 2).Trim();
        var digitContext = AppArgs.At(a, 3).Trim();
        var channel = context.Channel;
        var vars = channel.Variables;
        if (files.Count == 0)
        {
            DialplanLog.LogWarning(context.Logger, "Background requires an argument (filename)");
            vars.Set("BACKGROUNDSTATUS", "FAILED");
            return AppResult.Continue;
        }

        if (channel.State != ChannelState.Up)
        {
            if (options.Contains('s', StringComparison.Ordinal))
            {
                vars.Set("BACKGROUNDSTATUS", "SUCCESS");
                return AppResult.Continue;
            }

            if (!options.Contains('n', StringComparison.Ordinal))
            {
                await channel.AnswerAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        var savedLanguage = channel.Language;
        if (language.Length > 0)
        {
            channel.Language = language;
        }

        var missing = new List<string>();
        PlaybackResult result;
        try
        {
            result = await Prompts.PlayAllAsync(channel, files, Prompts.AnyDigit, cancellationToken, missing).ConfigureAwait(false);
        }
        finally
        {
            channel.Language = savedLanguage;
        }

        switch (result.Outcome)
        {
            case PlaybackOutcome.HungUp:
                return AppResult.Hangup;
            case PlaybackOutcome.Interrupted:
                vars.Set("BACKGROUNDSTATUS", "SUCCESS");
                return AppResult.CollectDigits(result.Digit.ToString(), digitContext.Length > 0 ? digitContext : null);
            case PlaybackOutcome.NotFound:
                DialplanLog.LogWarning(context.Logger, $"Background: sound file(s) not found: {string.Join(", ", missing)} (channel {channel.Name})");
                vars.Set("BACKGROUNDSTATUS", "FAILED");
                return AppResult.Continue;
            default:
                vars.Set("BACKGROUNDSTATUS", "SUCCESS");
                return AppResult.Continue;
        }
    }
}
