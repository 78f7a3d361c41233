using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Applications;

/// <summary>Plays sequences of sound files and maps characters and numbers to Asterisk's prompt names.</summary>
public static class Prompts
{
    /// <summary>Every DTMF digit, for prompts any key may interrupt.</summary>
    public const string AnyDigit = "0123456789*#ABCD";

    /// <summary>Plays files in order; stops at the first interruption or hang-up. A missing file is skipped (reported through <paramref name="missing"/>).</summary>
    public static async ValueTask<PlaybackResult> PlayAllAsync(IDialplanChannel channel, IEnumerable<string> files, string stopDigits, CancellationToken cancellationToken, List<string>? missing = null)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(files);
        foreach (var file in files)
        {
            var result = await channel.PlayAsync(file, stopDigits, cancellationToken).ConfigureAwait(false);
            switch (result.Outcome)
            {
                case PlaybackOutcome.Interrupted or PlaybackOutcome.HungUp:
                    return result;
                case PlaybackOutcome.NotFound:
                    missing?.Add(file);
                    break;
            }
        }

        return missing is { Count: > 0 } ? PlaybackResult.NotFound : PlaybackResult.Completed;
    }

    /// <summary>The files of an <c>&amp;</c>-separated list.</summary>
    public static List<string> SplitFiles(string list)
    {
        var files = new List<string>();
        foreach (var part in list.Split('&'))
        {
            var f = part.Trim();
            if (f.Length > 0)
            {
                files.Add(f);
            }
        }

        return files;
    }

    /// <summary>Prompts SayDigits plays: digits/0..9, digits/star, digits/pound, digits/minus; other characters are skipped.</summary>
    public static List<string> ForDigits(string digits)
    {
        var files = new List<string>(digits.Length);
        foreach (var c in digits)
        {
            switch (c)
            {
                case >= '0' and <= '9':
                    files.Add("digits/" + c);
                    break;
                case '*':
                    files.Add("digits/star");
                    break;
                case '#':
                    files.Add("digits/pound");
                    break;
                case '-':
                    files.Add("digits/minus");
                    break;
            }
        }

        return files;
    }

    /// <summary>Prompts SayAlpha plays: letters/a..z (lower case), digits, and named punctuation.</summary>
    public static List<string> ForCharacters(string text)
    {
        var files = new List<string>(text.Length);
        foreach (var c in text)
        {
            var file = c switch
            {
                '*' => "digits/star",
                '#' => "digits/pound",
                '!' => "letters/exclaimation-point",
                '@' => "letters/at",
                '$' => "letters/dollar",
                '-' => "letters/dash",
                '.' => "letters/dot",
                '=' => "letters/equals",
                '+' => "letters/plus",
                '/' => "letters/slash",
                ' ' => "letters/space",
                >= '0' and <= '9' => "digits/" + c,
                >= 'A' and <= 'Z' => "letters/" + char.ToLowerInvariant(c),
                > ' ' and < '\u007f' => "letters/" + c,
                _ => null,
            };
            if (file is not null)
            {
                files.Add(file);
            }
        }

        return files;
    }

    /// <summary>
    /// Prompts SayNumber plays in English: digits/0..19, digits/20..90, digits/N + digits/hundred,
    /// thousand, million and billion groups, digits/minus for negatives (no "and").
    /// </summary>
    public static List<string> ForNumber(long number)
    {
        var files = new List<string>();
        if (number == 0)
        {
            files.Add("digits/0");
            return files;
        }

        if (number < 0)
        {
            files.Add("digits/minus");
            number = number == long.MinValue ? long.MaxValue : -number;
        }

        AddNumber(files, number);
        return files;
    }

    private static void AddNumber(List<string> files, long n)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (n >= 1_000_000_000)
        {
            AddNumber(files, n / 1_000_000_000);
            files.Add("digits/billion");
            n %= 1_000_000_000;
        }

        if (n >= 1_000_000)
        {
            AddNumber(files, n / 1_000_000);
            files.Add("digits/million");
            n %= 1_000_000;
        }

        if (n >= 1000)
        {
            AddNumber(files, n / 1000);
            files.Add("digits/thousand");
            n %= 1000;
        }

        if (n >= 100)
        {
            files.Add("digits/" + (n / 100).ToString(inv));
            files.Add("digits/hundred");
            n %= 100;
        }

        if (n >= 20)
        {
            files.Add("digits/" + (n / 10 * 10).ToString(inv));
            n %= 10;
        }

        if (n > 0)
        {
            files.Add("digits/" + n.ToString(inv));
        }
    }
}
