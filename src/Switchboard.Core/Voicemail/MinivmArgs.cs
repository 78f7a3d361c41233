using Switchboard.Dialplan.Execution;

namespace Switchboard.Core.Voicemail;

/// <summary>Argument helpers shared by the MiniVM applications.</summary>
internal static class MinivmArgs
{
    /// <summary>The first mailbox of a list (PrivateDial's mailboxes may hold several, separated by commas or '&amp;').</summary>
    public static bool TryMailbox(string text, out Mailbox mailbox, out string? error)
    {
        string first = text.Split('&', 2)[0];
        return Mailbox.TryParse(first, out mailbox, out error);
    }

    /// <summary>Value of an option with an argument, e.g. g(12) → "12"; null when absent.</summary>
    public static string? OptionArgument(string options, char option)
    {
        for (int i = 0; i < options.Length; i++)
        {
            if (options[i] == '(')
            {
                int close = options.IndexOf(')', i);
                i = close < 0 ? options.Length : close;
                continue;
            }

            if (options[i] != option)
            {
                continue;
            }

            if (i + 1 < options.Length && options[i + 1] == '(')
            {
                int close = options.IndexOf(')', i + 2);
                return close < 0 ? options[(i + 2)..] : options[(i + 2)..close];
            }

            return string.Empty;
        }

        return null;
    }

    public static bool HasOption(string options, char option) => OptionArgument(options, option) is not null;

    /// <summary>Plays files until one is interrupted by a stop digit or the caller hangs up.</summary>
    public static async ValueTask<PlaybackResult> PlayAsync(IDialplanChannel channel, IEnumerable<string> files, string stopDigits, CancellationToken ct)
    {
        foreach (var f in files)
        {
            var r = await channel.PlayAsync(f, stopDigits, ct).ConfigureAwait(false);
            if (r.Outcome is PlaybackOutcome.HungUp or PlaybackOutcome.Interrupted)
            {
                return r;
            }
        }

        return PlaybackResult.Completed;
    }

    /// <summary>The greeting file without its extension (the channel finds the format).</summary>
    public static string WithoutExtension(string path) => Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path));
}
