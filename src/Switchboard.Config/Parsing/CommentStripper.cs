using System.Text;

namespace Switchboard.Config.Parsing;

/// <summary>
/// Removes <c>;</c> line comments and <c>;-- --;</c> block comments (nestable, multi-line) from one line,
/// and turns <c>\;</c> into a literal <c>;</c>.
/// </summary>
internal static class CommentStripper
{
    /// <summary>Strips comments from <paramref name="line"/>; <paramref name="blockDepth"/> carries open block comments across lines.</summary>
    public static string Strip(string line, ref int blockDepth)
    {
        if (blockDepth == 0 && line.IndexOf(';') < 0)
        {
            return line;
        }

        var sb = new StringBuilder(line.Length);
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c == '\\' && i + 1 < line.Length && line[i + 1] == ';')
            {
                if (blockDepth == 0)
                {
                    sb.Append(';');
                }

                i += 2;
                continue;
            }

            if (c == ';')
            {
                if (At(line, i + 1, "--"))
                {
                    blockDepth++;
                    i += 3;
                    continue;
                }

                if (blockDepth == 0)
                {
                    break;
                }

                i++;
                continue;
            }

            if (blockDepth > 0)
            {
                if (c == '-' && At(line, i, "--;"))
                {
                    blockDepth--;
                    i += 3;
                    continue;
                }

                i++;
                continue;
            }

            sb.Append(c);
            i++;
        }

        return sb.ToString();
    }

    private static bool At(string s, int index, string what) =>
        index + what.Length <= s.Length && string.CompareOrdinal(s, index, what, 0, what.Length) == 0;
}
