using System.Collections.Concurrent;

namespace Switchboard.Dialplan.Execution;

/// <summary>An AstDB kept in memory (tests, the embedded demo). Thread safe.</summary>
public sealed class InMemoryAstDb : IAstDb
{
    private readonly ConcurrentDictionary<(string Family, string Key), string> _values = new();

    /// <inheritdoc />
    public bool TryGet(string family, string key, out string value) => _values.TryGetValue((family, key), out value!);

    /// <inheritdoc />
    public void Put(string family, string key, string value) => _values[(family, key)] = value;

    /// <inheritdoc />
    public bool Delete(string family, string key) => _values.TryRemove((family, key), out _);
}
