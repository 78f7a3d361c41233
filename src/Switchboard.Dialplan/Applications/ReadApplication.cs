using System.Globalization;
using System.Text;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Applications;

/// <summary>
/// Read(variable[,files[,maxdigits[,options[,attempts[,timeout]]]]]): plays the prompt (interruptible) and
/// collects digits until '#', maxdigits (0 = up to 255) or a timeout. Options: s = skip when not answered,
/// n = read without answering. Sets the variable and ${READSTATUS} (OK, TIMEOUT, HANGUP, SKIPPED, ERROR).
/// </summary>
internal sealed class ReadApplication : IDialplanApplication
{
    private const int MaxDigits = 255;

    public string Name => "Read";

    public async ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        var a = AppArgs.Standard(args);
        var variable = AppArgs.At(a, 0).Trim();
        var channel = context.Channel;
        var vars = channel.Variables;
        if (variable.Length == 0)
        {
            DialplanLog.LogWarning(context.Logger, "Read requires an argument (variable)");
            vars.Set("READSTATUS", "ERROR");
            return AppResult.Continue;
        }

        var files = Prompts.SplitFiles(AppArgs.At(a, 1));
        var maxDigits = ParseInt(AppArgs.At(a, 2), 0);
        if (maxDigits <= 0 || maxDigits > MaxDigits)
        {
            maxDigits = MaxDigits;
        }

        var options = AppArgs.At(a, 3);
        var attempts = Math.Max(1, ParseInt(AppArgs.At(a, 4), 1));
        var first = context.ResponseTimeout;
        var between = context.DigitTimeout;
        if (double.TryParse(AppArgs.At(a, 5).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds < 86400)
        {
            first = between = TimeSpan.FromSeconds(seconds);
        }

        if (channel.State != ChannelState.Up)
        {
            if (options.Contains('s', StringComparison.Ordinal))
            {
                vars.Set(variable, string.Empty);
                vars.Set("READSTATUS", "SKIPPED");
                return AppResult.Continue;
            }

            if (!options.Contains('n', StringComparison.Ordinal))
            {
                await channel.AnswerAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        var status = "TIMEOUT";
        var digits = new StringBuilder();
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            digits.Clear();
            var terminated = false;
            var prompt = await Prompts.PlayAllAsync(channel, files, Prompts.AnyDigit, cancellationToken).ConfigureAwait(false);
            if (prompt.Outcome == PlaybackOutcome.HungUp)
            {
                return HungUp(vars, variable, digits);
            }

            if (prompt.Outcome == PlaybackOutcome.Interrupted)
            {
                if (prompt.Digit == '#')
                {
                    terminated = true;
                }
                else
                {
                    digits.Append(prompt.Digit);
                }
            }

            while (!terminated && digits.Length < maxDigits)
            {
                var next = await channel.WaitForDigitAsync(digits.Length == 0 ? first : between, cancellationToken).ConfigureAwait(false);
                if (next.Outcome == DigitOutcome.HungUp)
                {
                    return HungUp(vars, variable, digits);
                }

                if (next.Outcome == DigitOutcome.Timeout)
                {
                    break;
                }

                if (next.Digit == '#')
                {
                    terminated = true;
                    break;
                }

                digits.Append(next.Digit);
            }

            if (digits.Length > 0 || terminated)
            {
                status = "OK";
                break;
            }
        }

        vars.Set(variable, digits.ToString());
        vars.Set("READSTATUS", status);
        return AppResult.Continue;
    }

    private static AppResult HungUp(Variables.ChannelVariables vars, string variable, StringBuilder digits)
    {
        vars.Set(variable, digits.ToString());
        vars.Set("READSTATUS", "HANGUP");
        return AppResult.Hangup;
    }

    private static int ParseInt(string text, int fallback) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : fallback;
}
