using Switchboard.Config.Parsing;

namespace Switchboard.Config.Pjsip.Reading;

/// <summary>The options one object type understands, applied to entries in order.</summary>
internal sealed class OptionTable<T>
    where T : PjsipObject
{
    private readonly Dictionary<string, OptionApplier<T>> _options = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _ignored = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<string> Names => _options.Keys;

    public OptionTable<T> Add(string name, OptionApplier<T> apply)
    {
        _options.Add(name, apply);
        return this;
    }

    /// <summary>Options Asterisk has that we accept without effect (each gets a warning naming it).</summary>
    public OptionTable<T> Unsupported(params string[] names)
    {
        foreach (var n in names)
        {
            _ignored.Add(n);
        }

        return this;
    }

    public bool Knows(string name) => _options.ContainsKey(name);

    /// <summary>Applies every entry; <c>type</c> is skipped, <c>@name</c> entries become user fields.</summary>
    public T Apply(T initial, IEnumerable<ConfEntry> entries, OptionReader reader)
    {
        var target = initial;
        Dictionary<string, string>? userFields = null;
        foreach (var e in entries)
        {
            if (e.Is("type"))
            {
                continue;
            }

            if (e.Key.StartsWith('@'))
            {
                userFields ??= new Dictionary<string, string>(target.UserFields, StringComparer.Ordinal);
                userFields[e.Key] = e.Value;
                continue;
            }

            if (_options.TryGetValue(e.Key, out var apply))
            {
                target = apply(target, e, reader);
            }
            else if (_ignored.Contains(e.Key))
            {
                reader.Warning(e, $"option '{e.Key}' is not supported by Switchboard and is ignored");
            }
            else
            {
                reader.Warning(e, $"unknown option '{e.Key}' ignored");
            }
        }

        return userFields is null ? target : target with { UserFields = userFields };
    }
}
