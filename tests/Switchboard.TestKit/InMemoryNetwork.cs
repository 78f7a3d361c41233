using System.Collections.Concurrent;
using Switchboard.Transport;

namespace Switchboard.TestKit;

/// <summary>
/// Connects <see cref="InMemoryTransport"/>s by their local address: what one sends to another's address is delivered
/// to it as if it came from the sender's address. Delivery is queued and happens in <see cref="Pump"/> (deterministic,
/// no recursion), or at once when created with <c>deliverImmediately</c>.
/// </summary>
public sealed class InMemoryNetwork
{
    private readonly ConcurrentDictionary<PeerAddress, InMemoryTransport> _hosts = new();
    private readonly ConcurrentQueue<(InMemoryTransport Target, byte[] Data, PeerAddress From)> _inFlight = new();
    private readonly bool _deliverImmediately;

    public InMemoryNetwork(bool deliverImmediately = false) => _deliverImmediately = deliverImmediately;

    /// <summary>Messages sent but not yet delivered.</summary>
    public int InFlight => _inFlight.Count;

    /// <summary>Messages sent to addresses nobody is attached to.</summary>
    public int Undeliverable { get; private set; }

    public void Attach(InMemoryTransport transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        if (!_hosts.TryAdd(transport.Local.Address, transport))
        {
            throw new InvalidOperationException($"Address {transport.Local.Address} is already attached.");
        }
    }

    public void Detach(InMemoryTransport transport) =>
        _hosts.TryRemove(new KeyValuePair<PeerAddress, InMemoryTransport>(transport.Local.Address, transport));

    /// <summary>Delivers queued messages (including those sent while pumping), at most <paramref name="maxMessages"/>.</summary>
    public int Pump(int maxMessages = 10_000)
    {
        int delivered = 0;
        while (delivered < maxMessages && _inFlight.TryDequeue(out var item))
        {
            item.Target.Deliver(item.Data, item.From);
            delivered++;
        }

        return delivered;
    }

    internal bool Route(PeerAddress from, PeerAddress to, byte[] data)
    {
        if (!_hosts.TryGetValue(to, out var target))
        {
            Undeliverable++;
            return false;
        }

        if (_deliverImmediately)
        {
            target.Deliver(data, from);
        }
        else
        {
            _inFlight.Enqueue((target, data, from));
        }

        return true;
    }
}
