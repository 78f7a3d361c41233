using System.Net;
using Switchboard.TestKit;

namespace Switchboard.Transport.Tests;

public sealed class TransportRegistryTests
{
    [Fact]
    public void Finds_transports_by_name_key_protocol_and_local_address()
    {
        var registry = new TransportRegistry();
        var udp = new InMemoryTransport("udp", TransportProtocol.Udp, IPEndPoint.Parse("0.0.0.0:5060"));
        var tcp = new InMemoryTransport("tcp", TransportProtocol.Tcp, IPEndPoint.Parse("0.0.0.0:5060"));
        var udpLan = new InMemoryTransport("udp-lan", TransportProtocol.Udp, IPEndPoint.Parse("192.168.1.2:5070"));
        var udp6 = new InMemoryTransport("udp6", TransportProtocol.Udp, IPEndPoint.Parse("[::]:5060"));
        Assert.True(registry.TryAdd(udp));
        Assert.True(registry.TryAdd(tcp));
        Assert.True(registry.TryAdd(udpLan));
        Assert.True(registry.TryAdd(udp6));

        Assert.True(registry.TryGet("tcp", out var found));
        Assert.Same(tcp, found);
        Assert.True(registry.TryGet(TransportKey.Of(udpLan), out found));
        Assert.Same(udpLan, found);
        Assert.Same(udp, registry.Find(TransportProtocol.Udp));
        Assert.Same(udpLan, registry.Find(TransportProtocol.Udp, localAddress: IPAddress.Parse("192.168.1.2")));
        Assert.Same(udp, registry.Find(TransportProtocol.Udp, localAddress: IPAddress.Parse("10.9.9.9")));
        Assert.Same(udp6, registry.Find(TransportProtocol.Udp, ipv6: true));
        Assert.Null(registry.Find(TransportProtocol.Tls));
        Assert.Equal(["udp", "tcp", "udp-lan", "udp6"], registry.All.Select(t => t.Name));
    }

    [Fact]
    public void Refuses_duplicate_names_and_bindings_and_removes()
    {
        var registry = new TransportRegistry();
        var udp = new InMemoryTransport("udp", TransportProtocol.Udp, IPEndPoint.Parse("0.0.0.0:5060"));
        Assert.True(registry.TryAdd(udp));
        Assert.False(registry.TryAdd(new InMemoryTransport("udp", TransportProtocol.Udp, IPEndPoint.Parse("0.0.0.0:5080"))));
        Assert.False(registry.TryAdd(new InMemoryTransport("other", TransportProtocol.Udp, IPEndPoint.Parse("0.0.0.0:5060"))));
        Assert.True(registry.TryAdd(new InMemoryTransport("tcp", TransportProtocol.Tcp, IPEndPoint.Parse("0.0.0.0:5060"))));

        Assert.Same(udp, registry.Remove("udp"));
        Assert.Null(registry.Remove("udp"));
        Assert.False(registry.TryGet("udp", out _));
        Assert.Single(registry.All);
    }

    [Fact]
    public void Counter_snapshots_reflect_traffic()
    {
        var registry = new TransportRegistry();
        var udp = new InMemoryTransport("udp");
        registry.TryAdd(udp);
        udp.Start(new NullHandler());
        udp.Deliver("OPTIONS sip:x SIP/2.0\r\n\r\n", PeerAddress.FromEndPoint(IPEndPoint.Parse("10.0.0.1:5060")));
        udp.Send("SIP/2.0 200 OK\r\n\r\n"u8, PeerAddress.FromEndPoint(IPEndPoint.Parse("10.0.0.1:5060")));

        var (transport, counters) = registry.SnapshotCounters().Single();
        Assert.Same(udp, transport);
        Assert.Equal(1, counters.MessagesReceived);
        Assert.Equal(1, counters.MessagesSent);
    }

    private sealed class NullHandler : ITransportHandler
    {
        public void OnMessage(ReadOnlyMemory<byte> data, in RemotePeer peer, LocalTransportInfo local)
        {
        }
    }
}
