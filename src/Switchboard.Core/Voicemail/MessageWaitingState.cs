using System.Collections.Concurrent;

namespace Switchboard.Core.Voicemail;

/// <summary>
/// The message counts of each mailbox as the dialplan last reported them (MinivmMWI), and who wants to hear of a
/// change: the unsolicited MWI sender and the message-summary subscriptions. Mailbox names compare without case and
/// in Asterisk's mailbox@context form, a bare mailbox being mailbox@default.
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
            _counts.TryAdd(Normalize(mailbox), counts);
        }

        Volatile.Write(ref _store, store);
    }

    /// <summary>The counts of <paramref name="mailbox"/>; all zero when nothing was reported.</summary>
    public MwiCounts Get(string mailbox) => _counts.TryGetValue(Normalize(mailbox), out var c) ? c : default;

    /// <summary>True when counts were reported for <paramref name="mailbox"/>.</summary>
    public bool Knows(string mailbox) => _counts.ContainsKey(Normalize(mailbox));

    /// <summary>
    /// The mailbox in mailbox@context form (mailboxes option, MinivmMWI's username@domain): trimmed, and a bare
    /// mailbox in the default context as Asterisk's MWI topics treat it.
    /// </summary>
    public static string Normalize(string mailbox)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var m = mailbox.Trim();
        return m.Length == 0 || m.Contains('@', StringComparison.Ordinal) ? m : m + "@default";
    }

    /// <summary>Stores the counts and tells every listener (also when they did not change: MinivmMWI always notifies).</summary>
    public void Publish(string mailbox, MwiCounts counts)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        string key = Normalize(mailbox);
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
