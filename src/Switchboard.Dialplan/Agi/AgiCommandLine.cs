using System.Text;

namespace Switchboard.Dialplan.Agi;

/// <summary>
/// Splits an AGI command line into words as Asterisk does: blanks separate words, double quotes group (and are
/// removed), a backslash takes the next character literally.
/// </summary>
internal static class AgiCommandLine
{
    /// <summary>Most words read from one line; the rest is ignored, as Asterisk does.</summary>
    public const int MaxWords = 128;

    public static List<string> Split(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        var quoted = false;
        var escaped = false;
        foreach (var c in line)
        {
            if (escaped)
            {
                current.Append(c);
                escaped = false;
                inWord = true;
                continue;
            }

            if (c == '\\')
            {
                escaped = true;
                inWord = true;
                continue;
            }

            if (c == '"')
            {
                quoted = !quoted;
                inWord = true;
                continue;
            }

            if (!quoted && (c == ' ' || c == '\t'))
            {
                if (inWord && !Add(words, current))
                {
                    return words;
                }

                inWord = false;
                continue;
            }

            current.Append(c);
            inWord = true;
        }

        if (inWord)
        {
            Add(words, current);
        }

        return words;
    }

    private static bool Add(List<string> words, StringBuilder current)
    {
        words.Add(current.ToString());
        current.Clear();
        return words.Count < MaxWords;
    }
}
