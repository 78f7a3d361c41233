namespace Switchboard.Config.Snapshot;

/// <summary>
/// Holds the running snapshot. <see cref="Reload"/> swaps only when the new load succeeded, so a broken file keeps
/// the old configuration. Readers take <see cref="Current"/> once per operation and keep using that object.
/// </summary>
public sealed class ConfigSnapshotStore
{
    private readonly Func<ConfigLoadResult> _load;
    private readonly object _reloadGate = new();
    private ConfigSnapshot? _current;

    /// <summary>Creates a store that loads with <paramref name="load"/> (e.g. <c>() =&gt; loader.LoadDirectory(dir)</c>).</summary>
    public ConfigSnapshotStore(Func<ConfigLoadResult> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        _load = load;
    }

    /// <summary>The running snapshot, or null before the first successful load.</summary>
    public ConfigSnapshot? Current => Volatile.Read(ref _current);

    /// <summary>Loads again; on success the new snapshot replaces the old one, on failure nothing changes.</summary>
    public ConfigLoadResult Reload()
    {
        lock (_reloadGate)
        {
            var result = _load();
            if (result.Snapshot is { } snapshot)
            {
                Volatile.Write(ref _current, snapshot);
            }

            return result;
        }
    }
}
