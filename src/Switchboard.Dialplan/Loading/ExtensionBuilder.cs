using Switchboard.Dialplan.Model;
using Switchboard.Dialplan.Patterns;

namespace Switchboard.Dialplan.Loading;

/// <summary>Collects the priorities of one extension while the file is read.</summary>
internal sealed class ExtensionBuilder(ExtensionPattern pattern, ExtensionPattern? callerId, string file, int line)
{
    private readonly SortedList<int, Priority> _priorities = [];

    public ExtensionPattern Pattern { get; } = pattern;

    public ExtensionPattern? CallerId { get; } = callerId;

    public string? Hint { get; private set; }

    public string? HintSource { get; private set; }

    public bool TryAdd(Priority priority, out Priority existing)
    {
        if (_priorities.TryGetValue(priority.Number, out existing!))
        {
            return false;
        }

        _priorities.Add(priority.Number, priority);
        return true;
    }

    public bool TryGetPriority(int number, out Priority priority) => _priorities.TryGetValue(number, out priority!);

    public bool TryFindLabel(string label, out Priority priority)
    {
        foreach (var p in _priorities.Values)
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

    public bool TrySetHint(string devices, string source)
    {
        if (Hint is not null)
        {
            return false;
        }

        Hint = devices;
        HintSource = source;
        return true;
    }

    public Extension Build() => new(Pattern, CallerId, [.. _priorities.Values], Hint, file, line);
}
