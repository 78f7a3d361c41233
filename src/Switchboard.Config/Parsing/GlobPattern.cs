namespace Switchboard.Config.Parsing;

/// <summary>Shell-style glob matching of one path segment: <c>*</c>, <c>?</c>, <c>[abc]</c>, <c>[a-z]</c>, <c>[!x]</c>.</summary>
internal static class GlobPattern
{
    /// <summary>True when the text contains a glob metacharacter.</summary>
    public static bool HasWildcards(ReadOnlySpan<char> text) => text.IndexOfAny("*?[") >= 0;

    /// <summary>Matches a whole segment (no '/' inside) against a pattern.</summary>
    public static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        int p = 0, t = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starT = t;
                continue;
            }

            if (p < pattern.Length && MatchOne(pattern, ref p, text[t]))
            {
                t++;
                continue;
            }

            if (starP < 0)
            {
                return false;
            }

            p = starP + 1;
            t = ++starT;
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <summary>Matches a full relative path ('/'-separated) segment by segment; '*' never crosses '/'.</summary>
    public static bool IsPathMatch(string pattern, string path)
    {
        var ps = pattern.Split('/');
        var ts = path.Split('/');
        if (ps.Length != ts.Length)
        {
            return false;
        }

        for (var i = 0; i < ps.Length; i++)
        {
            if (!IsMatch(ps[i], ts[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MatchOne(ReadOnlySpan<char> pattern, ref int p, char c)
    {
        var pc = pattern[p];
        if (pc == '?')
        {
            p++;
            return true;
        }

        if (pc == '[')
        {
            var close = FindClass(pattern, p);
            if (close > 0)
            {
                var matched = MatchClass(pattern[(p + 1)..close], c);
                if (matched)
                {
                    p = close + 1;
                }

                return matched;
            }
        }

        if (pc == '\\' && p + 1 < pattern.Length)
        {
            if (pattern[p + 1] == c)
            {
                p += 2;
                return true;
            }

            return false;
        }

        if (pc == c)
        {
            p++;
            return true;
        }

        return false;
    }

    private static int FindClass(ReadOnlySpan<char> pattern, int open)
    {
        var i = open + 1;
        if (i < pattern.Length && (pattern[i] == '!' || pattern[i] == '^'))
        {
            i++;
        }

        if (i < pattern.Length && pattern[i] == ']')
        {
            i++;
        }

        for (; i < pattern.Length; i++)
        {
            if (pattern[i] == ']')
            {
                return i;
            }
        }

        return -1;
    }

    private static bool MatchClass(ReadOnlySpan<char> set, char c)
    {
        var negate = set.Length > 0 && (set[0] == '!' || set[0] == '^');
        if (negate)
        {
            set = set[1..];
        }

        var found = false;
        for (var i = 0; i < set.Length; i++)
        {
            if (i + 2 < set.Length && set[i + 1] == '-')
            {
                if (c >= set[i] && c <= set[i + 2])
                {
                    found = true;
                }

                i += 2;
            }
            else if (set[i] == c)
            {
                found = true;
            }
        }

        return found != negate;
    }
}
