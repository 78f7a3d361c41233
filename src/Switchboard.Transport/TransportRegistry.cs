using System.Net;

namespace Switchboard.Transport;

/// <summary>
/// The running transports of the PBX, by name (pjsip.conf transport objects, created by Core) and by
/// <see cref="TransportKey"/>; used to pick the transport for an outbound request and for CLI/AMI output.
/// Reads are lock-free (copy-on-write); changes are rare.
/// </summary>
public sealed class TransportRegistry
{
    private readonly Lock _gate = new();
    private ITransport[] _transports = [];

    /// <summary>All registered transports in registration order.</summary>
    public IReadOnlyList<ITransport> All => Volatile.Read(ref _transports);

    /// <summary>Adds a started transport. False when its name or its key is already taken.</summary>
    public bool TryAdd(ITransport transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        lock (_gate)
        {
            var key = TransportKey.Of(transport);
            foreach (var existing in _transports)
            {
                if (string.Equals(existing.Name, transport.Name, StringComparison.Ordinal) || TransportKey.Of(existing) == key)
                {
                    return false;
                }
            }

            Volatile.Write(ref _transports, [.. _transports, transport]);
            return true;
        }
    }

    /// <summary>Removes a transport by name (it is not stopped here). Returns the removed transport.</summary>
    public ITransport? Remove(string name)
    {
        lock (_gate)
        {
            var current = _transports;
            int index = Array.FindIndex(current, t => string.Equals(t.Name, name, StringComparison.Ordinal));
            if (index < 0)
            {
                return null;
            }

            var removed = current[index];
            var next = new ITransport[current.Length - 1];
            Array.Copy(current, 0, next, 0, index);
            Array.Copy(current, index + 1, next, index, current.Length - index - 1);
            Volatile.Write(ref _transports, next);
            return removed;
        }
    }

    public bool TryGet(string name, out ITransport transport)
    {
        foreach (var candidate in Volatile.Read(ref _transports))
        {
            if (string.Equals(candidate.Name, name, StringComparison.Ordinal))
            {
                transport = candidate;
                return true;
            }
        }

        transport = null!;
        return false;
    }

    public bool TryGet(TransportKey key, out ITransport transport)
    {
        foreach (var candidate in Volatile.Read(ref _transports))
        {
            if (TransportKey.Of(candidate) == key)
            {
                transport = candidate;
                return true;
            }
        }

        transport = null!;
        return false;
    }

    /// <summary>
    /// The transport to use for <paramref name="protocol"/> towards a peer of the given address family, preferring
    /// one bound to <paramref name="localAddress"/> when given; a wildcard-bound transport matches any local address.
    /// </summary>
    public ITransport? Find(TransportProtocol protocol, bool ipv6 = false, IPAddress? localAddress = null)
    {
        ITransport? fallback = null;
        foreach (var candidate in Volatile.Read(ref _transports))
        {
            if (candidate.Protocol != protocol || !CanCarry(candidate, ipv6))
            {
                continue;
            }

            var bound = candidate.Local.EndPoint.Address;
            if (localAddress is null || bound.Equals(localAddress))
            {
                return candidate;
            }

            if (fallback is null && (bound.Equals(IPAddress.Any) || bound.Equals(IPAddress.IPv6Any)))
            {
                fallback = candidate;
            }
        }

        return fallback;
    }

    /// <summary>Counters of every transport, for <c>pjsip show transports</c> and AutoBan checks.</summary>
    public IReadOnlyList<(ITransport Transport, TransportCountersSnapshot Counters)> SnapshotCounters()
    {
        var current = Volatile.Read(ref _transports);
        var result = new (ITransport, TransportCountersSnapshot)[current.Length];
        for (int i = 0; i < current.Length; i++)
        {
            result[i] = (current[i], current[i].Counters.Snapshot());
        }

        return result;
    }

    private static bool CanCarry(ITransport transport, bool ipv6) =>
        transport.Local.EndPoint.AddressFamily == (ipv6 ? System.Net.Sockets.AddressFamily.InterNetworkV6 : System.Net.Sockets.AddressFamily.InterNetwork);
}
