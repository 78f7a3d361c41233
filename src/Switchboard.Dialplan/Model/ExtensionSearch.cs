using Switchboard.Dialplan.Patterns;

namespace Switchboard.Dialplan.Model;

/// <summary>
/// Asterisk's lookup: a context's own extensions in precedence order first, then each include in written
/// order, depth first. A context already searched in this lookup is skipped (include loops), includes whose
/// time spec does not hold are skipped, and the search stops at 128 contexts.
/// </summary>
internal static class ExtensionSearch
{
    public const int MaxContexts = 128;

    public static bool TryFind(
        DialplanSnapshot dialplan,
        string context,
        string exten,
        SearchMode mode,
        int priority,
        string? label,
        string? callerId,
        TimeProvider time,
        out ExtensionMatch match)
    {
        match = default;
        if (!dialplan.TryGetContext(context, out var start))
        {
            return false;
        }

        Span<int> visited = stackalloc int[MaxContexts];
        var count = 0;
        return Search(dialplan, start, exten, mode, priority, label, callerId, time, visited, ref count, out match) == Outcome.Found;
    }

    private static Outcome Search(
        DialplanSnapshot dialplan,
        Context context,
        string exten,
        SearchMode mode,
        int priority,
        string? label,
        string? callerId,
        TimeProvider time,
        Span<int> visited,
        ref int count,
        out ExtensionMatch match)
    {
        match = default;
        if (count >= visited.Length || visited[..count].Contains(context.Index))
        {
            return Outcome.NotFound;
        }

        visited[count++] = context.Index;
        var patternMode = mode switch
        {
            SearchMode.CanMatch => MatchMode.CanMatch,
            SearchMode.MatchMore => MatchMode.MatchMore,
            _ => MatchMode.Match,
        };

        if (patternMode == MatchMode.Match)
        {
            // Exact matches: literals by dictionary (they precede every pattern), then the patterns.
            Span<char> buffer = stackalloc char[exten.Length <= 256 ? exten.Length : 0];
            var key = StripDashes(exten, buffer);
            if (context.TryGetLiterals(key, out var literals))
            {
                foreach (var extension in literals)
                {
                    if (extension.AcceptsCaller(callerId) && TryTake(context, extension, mode, priority, label, out match))
                    {
                        return Outcome.Found;
                    }
                }
            }

            for (var i = context.FirstPatternIndex; i < context.Extensions.Count; i++)
            {
                var extension = context.Extensions[i];
                if (extension.Pattern.Match(exten, MatchMode.Match) != MatchOutcome.None && extension.AcceptsCaller(callerId)
                    && TryTake(context, extension, mode, priority, label, out match))
                {
                    return Outcome.Found;
                }
            }
        }
        else
        {
            foreach (var extension in context.Extensions)
            {
                var outcome = extension.Pattern.Match(exten, patternMode);
                if (outcome == MatchOutcome.None || !extension.AcceptsCaller(callerId))
                {
                    continue;
                }

                if (outcome == MatchOutcome.EarlyMatch && mode == SearchMode.MatchMore)
                {
                    return Outcome.Stop;
                }

                if (TryTake(context, extension, mode, priority, label, out match))
                {
                    return Outcome.Found;
                }
            }
        }

        foreach (var include in context.Includes)
        {
            if (include.When is not null && !include.When.Matches(time))
            {
                continue;
            }

            if (!dialplan.TryGetContext(include.ContextName, out var included))
            {
                continue;
            }

            var outcome = Search(dialplan, included, exten, mode, priority, label, callerId, time, visited, ref count, out match);
            if (outcome != Outcome.NotFound)
            {
                return outcome;
            }
        }

        return Outcome.NotFound;
    }

    private static bool TryTake(Context context, Extension extension, SearchMode mode, int priority, string? label, out ExtensionMatch match)
    {
        Priority? found = null;
        switch (mode)
        {
            case SearchMode.Label:
                if (extension.TryGetLabel(label!, out var byLabel))
                {
                    found = byLabel;
                }

                break;
            case SearchMode.Hint:
                if (extension.Hint is not null)
                {
                    match = new ExtensionMatch(context, extension, null!);
                    return true;
                }

                break;
            case SearchMode.Priority:
                if (extension.TryGetPriority(priority, out var byNumber))
                {
                    found = byNumber;
                }

                break;
            default:
                if (extension.TryGetPriority(1, out var first))
                {
                    found = first;
                }

                break;
        }

        match = found is null ? default : new ExtensionMatch(context, extension, found);
        return found is not null;
    }

    private static ReadOnlySpan<char> StripDashes(string exten, Span<char> buffer)
    {
        if (!exten.Contains('-', StringComparison.Ordinal))
        {
            return exten;
        }

        if (buffer.Length < exten.Length)
        {
            return exten.Replace("-", string.Empty, StringComparison.Ordinal);
        }

        var n = 0;
        foreach (var c in exten)
        {
            if (c != '-')
            {
                buffer[n++] = c;
            }
        }

        return buffer[..n];
    }

    private enum Outcome
    {
        NotFound,
        Found,
        Stop,
    }
}
