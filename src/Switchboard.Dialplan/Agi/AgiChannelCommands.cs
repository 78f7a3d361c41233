using System.Globalization;
using System.Text;
using Switchboard.Dialplan.Applications;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Agi;

/// <summary>AGI commands that act on the channel: answer, hang up, status, media and EXEC.</summary>
internal static class AgiChannelCommands
{
    /// <summary>"Wait forever" (timeout -1) is bounded at one day.</summary>
    private static readonly TimeSpan Forever = TimeSpan.FromDays(1);

    private const int MaxDataDigits = 1024;

    public static async ValueTask<string?> AnswerAsync(AgiSession session, IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        var channel = session.Context.Channel;
        await channel.AnswerAsync(cancellationToken).ConfigureAwait(false);
        return AgiReplies.Result(channel.IsHungUp ? -1 : 0);
    }

    public static async ValueTask<string?> HangupAsync(AgiSession session, IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        var channel = session.Context.Channel;
        if (argv.Count > 2)
        {
            return null;
        }

        if (argv.Count == 2 && !IsThisChannel(channel, argv[1]))
        {
            return AgiReplies.Result(-1);
        }

        if (!channel.IsHungUp)
        {
            await channel.HangupAsync(HangupCauses.NormalClearing, cancellationToken).ConfigureAwait(false);
        }

        return AgiReplies.Result(1);
    }

    public static ValueTask<string?> ChannelStatus(AgiSession session, IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        var channel = session.Context.Channel;
        if (argv.Count > 3)
        {
            return ValueTask.FromResult<string?>(null);
        }

        if (argv.Count == 3 && !IsThisChannel(channel, argv[2]))
        {
            return ValueTask.FromResult<string?>(AgiReplies.Result(-1));
        }

        var state = channel.IsHungUp ? ChannelState.Down : channel.State;
        return ValueTask.FromResult<string?>(AgiReplies.Result((int)state));
    }

    public static async ValueTask<string?> StreamFileAsync(AgiSession session, IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        if (argv.Count is < 4 or > 5)
        {
            return null;
        }

        var result = await session.Context.Channel.PlayAsync(argv[2], argv[3], cancellationToken).ConfigureAwait(false);
        return result.Outcome switch
        {
            PlaybackOutcome.Interrupted => AgiReplies.Result(AgiReplies.DigitCode(result.Digit)) + " endpos=0",
            PlaybackOutcome.HungUp => AgiReplies.Result(-1) + " endpos=0",
            PlaybackOutcome.NotFound => AgiReplies.Result(-1) + " endpos=0",
            _ => AgiReplies.Result(0) + " endpos=0",
        };
    }

    public static async ValueTask<string?> WaitForDigitAsync(AgiSession session, IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        if (argv.Count != 4 || !TryMilliseconds(argv[3], out var timeout))
        {
            return null;
        }

        var result = await session.Context.Channel.WaitForDigitAsync(timeout, cancellationToken).ConfigureAwait(false);
        return result.Outcome switch
        {
            DigitOutcome.Digit => AgiReplies.Result(AgiReplies.DigitCode(result.Digit)),
            DigitOutcome.HungUp => AgiReplies.Result(-1),
            _ => AgiReplies.Result(0),
        };
    }

    public static async ValueTask<string?> GetDataAsync(AgiSession session, IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        if (argv.Count is < 3 or > 5)
        {
            return null;
        }

        var timeout = session.Context.ResponseTimeout;
        if (argv.Count >= 4 && TryMilliseconds(argv[3], out var given) && given > TimeSpan.Zero && given < Forever)
        {
            timeout = given;
        }

        var maxDigits = MaxDataDigits;
        if (argv.Count == 5 && int.TryParse(argv[4], NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max is > 0 and < MaxDataDigits)
        {
            maxDigits = max;
        }

        var channel = session.Context.Channel;
        var digits = new StringBuilder();
        var prompt = await Prompts.PlayAllAsync(channel, Prompts.SplitFiles(argv[2]), Prompts.AnyDigit, cancellationToken).ConfigureAwait(false);
        if (prompt.Outcome == PlaybackOutcome.HungUp)
        {
            return AgiReplies.Result(-1);
        }

        if (prompt.Outcome == PlaybackOutcome.Interrupted)
        {
            if (prompt.Digit == '#')
            {
                return AgiReplies.Text(string.Empty);
            }

            digits.Append(prompt.Digit);
        }

        while (digits.Length < maxDigits)
        {
            var next = await channel.WaitForDigitAsync(timeout, cancellationToken).ConfigureAwait(false);
            switch (next.Outcome)
            {
                case DigitOutcome.HungUp:
                    return AgiReplies.Result(-1);
                case DigitOutcome.Timeout:
                    return AgiReplies.Text(digits + " (timeout)");
            }

            if (next.Digit == '#')
            {
                break;
            }

            digits.Append(next.Digit);
        }

        return AgiReplies.Text(digits.ToString());
    }

    public static async ValueTask<string?> ExecAsync(AgiSession session, IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        if (argv.Count < 2)
        {
            return null;
        }

        var context = session.Context;
        if (!context.Engine.Applications.TryGet(argv[1], out var application))
        {
            AgiLog.Warning(context.Logger, context.Channel.Name, $"Could not find application ({argv[1]})");
            return AgiReplies.Result(-2);
        }

        var options = argv.Count == 2 ? string.Empty : string.Join(' ', argv.Skip(2));
        var result = await application.ExecuteAsync(context, options, cancellationToken).ConfigureAwait(false);
        switch (result.Kind)
        {
            case AppResultKind.Goto:
                session.MoveTo(result.Target.Context, result.Target.Exten, result.Target.Priority);
                return AgiReplies.Result(0);
            case AppResultKind.Hangup or AppResultKind.Error:
                return AgiReplies.Result(-1);
            default:
                return AgiReplies.Result(0);
        }
    }

    private static bool IsThisChannel(IDialplanChannel channel, string name) => string.Equals(channel.Name, name, StringComparison.OrdinalIgnoreCase);

    private static bool TryMilliseconds(string text, out TimeSpan timeout)
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms))
        {
            timeout = default;
            return false;
        }

        timeout = ms < 0 ? Forever : TimeSpan.FromMilliseconds(ms);
        return true;
    }
}
