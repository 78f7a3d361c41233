namespace Switchboard.Dialplan.Variables;

/// <summary>
/// The variables of one channel, as Asterisk keeps them: a list where the newest entry shadows older entries
/// of the same name (Gosub's LOCAL and ARGn push shadows and pop them on Return). Names are case-sensitive;
/// <c>_</c>/<c>__</c> inheritance prefixes are part of the stored name but ignored by lookups, and setting any
/// form of a name replaces the visible one. Thread safe (AMI may read while the dialplan writes).
/// </summary>
public sealed class ChannelVariables
{
    private readonly List<KeyValuePair<string, string>> _entries = [];
    private readonly Lock _lock = new();

    /// <summary>Number of stored entries (shadowed ones included).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Reads the visible value of <paramref name="name"/>.</summary>
    public bool TryGet(string name, out string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_lock)
        {
            var i = IndexOf(name);
            if (i >= 0)
            {
                value = _entries[i].Value;
                return true;
            }
        }

        value = string.Empty;
        return false;
    }

    /// <summary>The visible value, or null when unset.</summary>
    public string? Get(string name) => TryGet(name, out var v) ? v : null;

    /// <summary>
    /// Sets the variable: the visible entry with the same name (any prefix) is removed, and when
    /// <paramref name="value"/> is not null a new entry with <paramref name="name"/> as written is added.
    /// </summary>
    public void Set(string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_lock)
        {
            var i = IndexOf(name);
            if (i >= 0)
            {
                _entries.RemoveAt(i);
            }

            if (value is not null)
            {
                _entries.Add(new KeyValuePair<string, string>(name, value));
            }
        }
    }

    /// <summary>Adds a new entry that shadows any existing one with the same name (Asterisk's pushvar).</summary>
    public void Push(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        lock (_lock)
        {
            _entries.Add(new KeyValuePair<string, string>(name, value));
        }
    }

    /// <summary>Removes the visible entry, exposing a shadowed one if any. Returns false when unset.</summary>
    public bool Remove(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_lock)
        {
            var i = IndexOf(name);
            if (i < 0)
            {
                return false;
            }

            _entries.RemoveAt(i);
            return true;
        }
    }

    /// <summary>A copy of the visible variables, newest first, with names as stored (prefixes kept).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToList()
    {
        lock (_lock)
        {
            var result = new List<KeyValuePair<string, string>>(_entries.Count);
            for (var i = _entries.Count - 1; i >= 0; i--)
            {
                if (IndexOf(_entries[i].Key) == i)
                {
                    result.Add(_entries[i]);
                }
            }

            return result;
        }
    }

    /// <summary>
    /// Variables a channel created by this one inherits: <c>__VAR</c> keeps its prefix (inherited forever),
    /// <c>_VAR</c> loses it (one level), others are not inherited.
    /// </summary>
    public ChannelVariables CreateInherited()
    {
        var child = new ChannelVariables();
        var visible = ToList();
        for (var i = visible.Count - 1; i >= 0; i--)
        {
            var (name, value) = visible[i];
            if (name.StartsWith("__", StringComparison.Ordinal))
            {
                child.Set(name, value);
            }
            else if (name.StartsWith('_'))
            {
                child.Set(name[1..], value);
            }
        }

        return child;
    }

    private int IndexOf(string name)
    {
        var wanted = VariableName.StripInheritance(name);
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (VariableName.StripInheritance(_entries[i].Key).SequenceEqual(wanted))
            {
                return i;
            }
        }

        return -1;
    }
}
