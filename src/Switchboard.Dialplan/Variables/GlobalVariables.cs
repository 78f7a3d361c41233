using System.Collections.Concurrent;

namespace Switchboard.Dialplan.Variables;

/// <summary>Global dialplan variables (<c>[globals]</c>, <c>GLOBAL()</c>), shared by all channels. Thread safe.</summary>
public sealed class GlobalVariables
{
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <summary>Reads a global.</summary>
    public bool TryGet(string name, out string value)
    {
        if (_values.TryGetValue(name, out var v))
        {
            value = v;
            return true;
        }

        value = string.Empty;
        return false;
    }

    /// <summary>The value, or null when unset.</summary>
    public string? Get(string name) => _values.TryGetValue(name, out var v) ? v : null;

    /// <summary>Sets a global; null removes it.</summary>
    public void Set(string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (value is null)
        {
            _values.TryRemove(name, out _);
        }
        else
        {
            _values[name] = value;
        }
    }

    /// <summary>Removes every global.</summary>
    public void Clear() => _values.Clear();

    /// <summary>A sorted copy of all globals.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToList()
    {
        var list = new List<KeyValuePair<string, string>>(_values);
        list.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return list;
    }
}
