using System.Globalization;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Applications;

/// <summary>
/// SayDigits(digits[,escape]), SayAlpha(text[,escape]) and SayNumber(number[,gender]): play Asterisk's
/// digits/ and letters/ prompts. A digit in the escape set stops playback and starts digit collection.
/// </summary>
internal sealed class SayApplication(string name) : IDialplanApplication
{
    public string Name => name;

    public async ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        var a = AppArgs.Standard(args);
        var text = AppArgs.At(a, 0).Trim();
        List<string> files;
        var escape = string.Empty;
        switch (name)
        {
            case "SayNumber":
                if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) || Math.Abs(number) > int.MaxValue)
                {
                    DialplanLog.LogWarning(context.Logger, $"SayNumber: first argument must be a number between -2147483647 and 2147483647, got '{text}'");
                    return AppResult.Continue;
                }

                files = Prompts.ForNumber(number);
                break;
            case "SayAlpha":
                files = Prompts.ForCharacters(text);
                escape = AppArgs.At(a, 1);
                break;
            default:
                files = Prompts.ForDigits(text);
                escape = AppArgs.At(a, 1);
                break;
        }

        var result = await Prompts.PlayAllAsync(context.Channel, files, escape, cancellationToken).ConfigureAwait(false);
        return result.Outcome switch
        {
            PlaybackOutcome.HungUp => AppResult.Hangup,
            PlaybackOutcome.Interrupted => AppResult.CollectDigits(result.Digit.ToString()),
            _ => AppResult.Continue,
        };
    }
}
