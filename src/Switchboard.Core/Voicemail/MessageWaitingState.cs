using System.Collections.Concurrent;

namespace Switchboard.Core.Voicemail;

/// <summary>
/// The message counts of each mailbox as the dialplan last reported them (MinivmMWI), and who wants to hear of a
/// change: the unsolicited MWI sender and the message-summary subscriptions. Mailbox names compare without case.
/// With a <see cref="MwiCountsStore"/> the counts outlive a restart.
/// </summary>
public sealed class MessageWaitingState
{
    private readonly ConcurrentDictionary<string, MwiCounts> _counts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Action<string, MwiCounts>> _listeners = [];
    private readonly Lock _gate = new();
    private MwiCountsStore? _store;

    /// <summary>Keeps the counts in <paramref name="store"/> from now on and loads the ones it holds (PBX start).</summary>
    public void UseStore(MwiCountsStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        foreach (var (mailbox, counts) in store.LoadAll())
        {
            _counts.TryAdd(mailbox.Trim(), counts);
        }

        Volatile.Write(ref _store, store);
    }

    /// <summary>The counts of <paramref name="mailbox"/>; all zero when nothing was reported.</summary>
    public MwiCounts Get(string mailbox) => _counts.TryGetValue(mailbox.Trim(), out var c) ? c : default;

    /// <summary>True when counts were reported for <paramref name="mailbox"/>.</summary>
    public bool Knows(string mailbox) => _counts.ContainsKey(mailbox.Trim());

    /// <summary>Stores the counts and tells every listener (also when they did not change: MinivmMWI always notifies).</summary>
    public void Publish(string mailbox, MwiCounts counts)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        string key = mailbox.Trim();
        _counts[key] = counts;
        Volatile.Read(ref _store)?.Save(key, counts);
        Action<string, MwiCounts>[] listeners;
        lock (_gate)
        {
            listeners = [.. _listeners];
        }

        foreach (var l in listeners)
        {
            l(key, counts);
        }
    }

    public void AddListener(Action<string, MwiCounts> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (_gate)
        {
            _listeners.Add(listener);
        }
    }
}
