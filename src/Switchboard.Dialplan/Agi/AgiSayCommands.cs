using System.Globalization;
using Switchboard.Dialplan.Applications;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Agi;

/// <summary>AGI commands that speak prompt sequences (SAY DIGITS/NUMBER/ALPHA) and GET OPTION.</summary>
internal static class AgiSayCommands
{
    public static ValueTask<string?> SayDigitsAsync(AgiSession session, IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        if (argv.Count != 4 || !IsDigits(argv[2]))
        {
            return ValueTask.FromResult<string?>(null);
        }

        return SayAsync(session, Prompts.ForDigits(argv[2]), argv[3], cancellationToken);
    }

    public static ValueTask<string?> SayNumberAsync(AgiSession session, IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        if (argv.Count is < 4 or > 5 || !long.TryParse(argv[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return ValueTask.FromResult<string?>(null);
        }

        return SayAsync(session, Prompts.ForNumber(number), argv[3], cancellationToken);
    }

    public static ValueTask<string?> SayAlphaAsync(AgiSession session, IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        if (argv.Count != 4)
        {
            return ValueTask.FromResult<string?>(null);
        }

        return SayAsync(session, Prompts.ForCharacters(argv[2]), argv[3], cancellationToken);
    }

    /// <summary>GET OPTION file escape_digits [timeout ms]: STREAM FILE, then (timeout &gt; 0) wait for one digit.</summary>
    public static async ValueTask<string?> GetOptionAsync(AgiSession session, IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        if (argv.Count is < 4 or > 5)
        {
            return null;
        }

        var timeout = TimeSpan.Zero;
        if (argv.Count == 5)
        {
            if (!int.TryParse(argv[4], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms))
            {
                return null;
            }

            timeout = ms < 0 ? session.Context.ResponseTimeout : TimeSpan.FromMilliseconds(ms);
        }

        var channel = session.Context.Channel;
        var played = await channel.PlayAsync(argv[2], argv[3], cancellationToken).ConfigureAwait(false);
        switch (played.Outcome)
        {
            case PlaybackOutcome.Interrupted:
                return AgiReplies.Result(AgiReplies.DigitCode(played.Digit)) + " endpos=0";
            case PlaybackOutcome.HungUp or PlaybackOutcome.NotFound:
                return AgiReplies.Result(-1) + " endpos=0";
        }

        if (timeout <= TimeSpan.Zero)
        {
            return AgiReplies.Result(0) + " endpos=0";
        }

        var next = await channel.WaitForDigitAsync(timeout, cancellationToken).ConfigureAwait(false);
        return next.Outcome switch
        {
            DigitOutcome.Digit when argv[3].Contains(next.Digit, StringComparison.Ordinal) => AgiReplies.Result(AgiReplies.DigitCode(next.Digit)) + " endpos=0",
            DigitOutcome.HungUp => AgiReplies.Result(-1) + " endpos=0",
            _ => AgiReplies.Result(0) + " endpos=0",
        };
    }

    private static async ValueTask<string?> SayAsync(AgiSession session, List<string> files, string escape, CancellationToken cancellationToken)
    {
        var result = await Prompts.PlayAllAsync(session.Context.Channel, files, escape, cancellationToken).ConfigureAwait(false);
        return result.Outcome switch
        {
            PlaybackOutcome.Interrupted => AgiReplies.Result(AgiReplies.DigitCode(result.Digit)),
            PlaybackOutcome.HungUp => AgiReplies.Result(-1),
            _ => AgiReplies.Result(0),
        };
    }

    private static bool IsDigits(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && c is not '*' and not '#')
            {
                return false;
            }
        }

        return true;
    }
}
