using System.Collections;

namespace Switchboard.Config.Pjsip;

/// <summary>Immutable set of objects of one type, by name (ordinal, as Asterisk ids), enumerated in definition order.</summary>
public sealed class PjsipObjectSet<T> : IReadOnlyCollection<T>
    where T : PjsipObject
{
    private readonly T[] _items;
    private readonly Dictionary<string, T> _byName;

    internal PjsipObjectSet(IEnumerable<T> items)
    {
        _items = items.ToArray();
        _byName = new Dictionary<string, T>(_items.Length, StringComparer.Ordinal);
        foreach (var item in _items)
        {
            _byName.TryAdd(item.Name, item);
        }
    }

    /// <summary>An empty set.</summary>
    public static PjsipObjectSet<T> Empty { get; } = new([]);

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <summary>The object with that name; throws <see cref="KeyNotFoundException"/> when absent.</summary>
    public T this[string name] => _byName[name];

    /// <summary>Looks an object up by name.</summary>
    public bool TryGet(string name, out T value)
    {
        if (_byName.TryGetValue(name, out var v))
        {
            value = v;
            return true;
        }

        value = null!;
        return false;
    }

    /// <summary>The object with that name, or null.</summary>
    public T? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>True when an object has that name.</summary>
    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
