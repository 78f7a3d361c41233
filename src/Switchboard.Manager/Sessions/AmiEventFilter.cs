using System.Text.RegularExpressions;

namespace Switchboard.Manager.Sessions;

/// <summary>
/// One event filter of a session (the Filter action or a user's <c>eventfilter=</c>): a regular expression matched
/// against the event text; a leading <c>!</c> makes it an exclusion. Expressions run without backtracking so a
/// hostile filter cannot stall delivery.
/// </summary>
internal sealed class AmiEventFilter
{
    private readonly Regex _regex;

    private AmiEventFilter(Regex regex, bool exclude, string text)
    {
        _regex = regex;
        Exclude = exclude;
        Text = text;
    }

    public bool Exclude { get; }

    public string Text { get; }

    public static bool TryCreate(string text, out AmiEventFilter? filter, out string error)
    {
        filter = null;
        error = string.Empty;
        bool exclude = text.StartsWith('!');
        var pattern = exclude ? text[1..] : text;
        if (pattern.Length == 0)
        {
            error = "Filter is empty";
            return false;
        }

        try
        {
            filter = new AmiEventFilter(new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant), exclude, text);
            return true;
        }
        catch (ArgumentException ex)
        {
            error = "Filter is not a valid regular expression: " + ex.Message;
            return false;
        }
        catch (NotSupportedException ex)
        {
            error = "Filter uses an unsupported construct: " + ex.Message;
            return false;
        }
    }

    public bool IsMatch(string eventText) => _regex.IsMatch(eventText);

    /// <summary>Asterisk's rule: with include filters an event must match one; then any matching exclude drops it.</summary>
    public static bool Passes(IReadOnlyList<AmiEventFilter> filters, string eventText)
    {
        if (filters.Count == 0)
        {
            return true;
        }

        bool anyInclude = false, included = false;
        foreach (var f in filters)
        {
            if (!f.Exclude)
            {
                anyInclude = true;
                included |= f.IsMatch(eventText);
            }
        }

        if (anyInclude && !included)
        {
            return false;
        }

        foreach (var f in filters)
        {
            if (f.Exclude && f.IsMatch(eventText))
            {
                return false;
            }
        }

        return true;
    }
}
