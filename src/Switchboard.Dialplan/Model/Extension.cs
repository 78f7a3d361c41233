using Switchboard.Dialplan.Patterns;

namespace Switchboard.Dialplan.Model;

/// <summary>
/// An extension of a context: its name or pattern, an optional caller-id pattern (<c>exten => 123/_0X.,...</c>),
/// an optional hint, and its priorities in number order.
/// </summary>
public sealed class Extension
{
    private readonly Priority[] _priorities;

    /// <summary>Creates an extension; <paramref name="priorities"/> must be sorted by number without duplicates.</summary>
    public Extension(ExtensionPattern pattern, ExtensionPattern? callerId, IReadOnlyList<Priority> priorities, string? hint, string file, int line)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(priorities);
        Pattern = pattern;
        CallerId = callerId;
        _priorities = [.. priorities];
        Hint = hint;
        File = file ?? string.Empty;
        Line = line;
    }

    /// <summary>The extension name or pattern.</summary>
    public ExtensionPattern Pattern { get; }

    /// <summary>The name as written.</summary>
    public string Name => Pattern.Text;

    /// <summary>The caller-id pattern, or null when the extension matches any caller.</summary>
    public ExtensionPattern? CallerId { get; }

    /// <summary>The hint's device list (e.g. <c>PJSIP/alice&amp;PJSIP/bob</c>), or null.</summary>
    public string? Hint { get; }

    /// <summary>Priorities sorted by number.</summary>
    public IReadOnlyList<Priority> Priorities => _priorities;

    /// <summary>Where the extension was first defined.</summary>
    public string File { get; }

    /// <summary>Line where the extension was first defined.</summary>
    public int Line { get; }

    /// <summary>Finds a priority by number.</summary>
    public bool TryGetPriority(int number, out Priority priority)
    {
        int lo = 0, hi = _priorities.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var n = _priorities[mid].Number;
            if (n == number)
            {
                priority = _priorities[mid];
                return true;
            }

            if (n < number)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        priority = null!;
        return false;
    }

    /// <summary>Finds a priority by label (case-sensitive, as Asterisk).</summary>
    public bool TryGetLabel(string label, out Priority priority)
    {
        foreach (var p in _priorities)
        {
            if (string.Equals(p.Label, label, StringComparison.Ordinal))
            {
                priority = p;
                return true;
            }
        }

        priority = null!;
        return false;
    }

    /// <summary>True when this extension applies to the caller (no caller-id pattern, or it matches).</summary>
    public bool AcceptsCaller(string? callerId)
    {
        if (CallerId is null)
        {
            return true;
        }

        return string.IsNullOrEmpty(callerId) ? false : CallerId.IsMatch(callerId);
    }

    /// <inheritdoc />
    public override string ToString() => CallerId is null ? Name : $"{Name}/{CallerId.Text}";
}
