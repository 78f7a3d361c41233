using System.Collections.Concurrent;

namespace Switchboard.Transport.Streams;

/// <summary>
/// The live connections of one stream transport keyed by remote address, so responses and new requests to a peer
/// reuse its connection (RFC 3261 §18). When two connections share an address, the newest is the one found.
/// </summary>
internal sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<PeerAddress, StreamConnection> _byRemote = new();
    private readonly ConcurrentDictionary<long, StreamConnection> _all = new();

    public int Count => _all.Count;

    public bool TryGet(PeerAddress remote, out StreamConnection connection)
    {
        if (_byRemote.TryGetValue(remote, out var found) && !found.IsClosed)
        {
            connection = found;
            return true;
        }

        connection = null!;
        return false;
    }

    /// <summary>Adds an accepted connection; it becomes the one found for its address.</summary>
    public void Add(StreamConnection connection)
    {
        _all[connection.Id] = connection;
        _byRemote[connection.Remote] = connection;
    }

    /// <summary>
    /// Returns the open connection to <paramref name="remote"/>, or adds <paramref name="candidate"/> (not yet started)
    /// and returns it. The caller starts the candidate only when it was added.
    /// </summary>
    public StreamConnection GetOrAdd(PeerAddress remote, StreamConnection candidate, out bool added)
    {
        while (true)
        {
            if (_byRemote.TryGetValue(remote, out var existing))
            {
                if (!existing.IsClosed)
                {
                    added = false;
                    return existing;
                }

                if (!_byRemote.TryUpdate(remote, candidate, existing))
                {
                    continue;
                }
            }
            else if (!_byRemote.TryAdd(remote, candidate))
            {
                continue;
            }

            _all[candidate.Id] = candidate;
            added = true;
            return candidate;
        }
    }

    public void Remove(StreamConnection connection)
    {
        _all.TryRemove(connection.Id, out _);
        _byRemote.TryRemove(new KeyValuePair<PeerAddress, StreamConnection>(connection.Remote, connection));
    }

    public StreamConnection[] Snapshot() => _all.Values.ToArray();
}
