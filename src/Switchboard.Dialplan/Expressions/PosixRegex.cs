using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Switchboard.Dialplan.Expressions;

/// <summary>
/// POSIX extended regular expressions as used by the <c>:</c> and <c>=~</c> operators and REGEX(), run on .NET's
/// engine: bracket classes such as <c>[[:digit:]]</c> are translated, matching has a time limit, and compiled
/// patterns are cached (bounded).
/// </summary>
internal static class PosixRegex
{
    private const int MaxCached = 256;
    private static readonly ConcurrentDictionary<string, Regex?> Cache = new(StringComparer.Ordinal);
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    /// <summary>Compiles (or fetches) the pattern; returns false with the engine's message when invalid.</summary>
    public static bool TryGet(string pattern, out Regex regex, out string? error)
    {
        error = null;
        if (Cache.TryGetValue(pattern, out var cached) && cached is not null)
        {
            regex = cached;
            return true;
        }

        try
        {
            regex = new Regex(Translate(pattern), RegexOptions.CultureInvariant, Timeout);
        }
        catch (ArgumentException e)
        {
            regex = null!;
            error = e.Message;
            return false;
        }

        if (Cache.Count >= MaxCached)
        {
            Cache.Clear();
        }

        Cache[pattern] = regex;
        return true;
    }

    /// <summary>Runs a match, treating a timeout as no match (with an error text).</summary>
    public static Match? SafeMatch(Regex regex, string input, out string? error)
    {
        error = null;
        try
        {
            return regex.Match(input);
        }
        catch (RegexMatchTimeoutException)
        {
            error = "regular expression took too long";
            return null;
        }
    }

    private static string Translate(string pattern)
    {
        if (!pattern.Contains("[:", StringComparison.Ordinal))
        {
            return pattern;
        }

        var sb = new StringBuilder(pattern.Length + 16);
        var i = 0;
        while (i < pattern.Length)
        {
            if (pattern[i] == '[' && i + 1 < pattern.Length && pattern[i + 1] == ':')
            {
                var end = pattern.IndexOf(":]", i + 2, StringComparison.Ordinal);
                if (end > 0)
                {
                    var name = pattern[(i + 2)..end];
                    var replacement = name switch
                    {
                        "digit" => "0-9",
                        "alpha" => "a-zA-Z",
                        "alnum" => "a-zA-Z0-9",
                        "upper" => "A-Z",
                        "lower" => "a-z",
                        "space" => @"\s",
                        "blank" => @" \t",
                        "xdigit" => "0-9A-Fa-f",
                        "punct" => @"!-/:-@\[-`{-~",
                        "print" => @"\x20-\x7E",
                        "graph" => @"\x21-\x7E",
                        "cntrl" => @"\x00-\x1F\x7F",
                        _ => null,
                    };
                    if (replacement is not null)
                    {
                        sb.Append(replacement);
                        i = end + 2;
                        continue;
                    }
                }
            }

            sb.Append(pattern[i]);
            i++;
        }

        return sb.ToString();
    }
}
