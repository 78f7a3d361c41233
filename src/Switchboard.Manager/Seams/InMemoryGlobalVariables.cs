using System.Collections.Concurrent;

namespace Switchboard.Manager.Seams;

/// <summary>A process-local global variable store used until the dialplan provides its own.</summary>
public sealed class InMemoryGlobalVariables : IGlobalVariables
{
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public void Set(string name, string value) => _values[name] = value;
}
