using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchboard.TestKit;
using Switchboard.Transport.Tests.Support;
using Switchboard.Transport.Udp;

namespace Switchboard.Transport.Tests.Udp;

public sealed class UdpTransportTests
{
    private static UdpTransport Create(string bind = "127.0.0.1:0", Action<UdpTransportOptionsBuilder>? configure = null)
    {
        var builder = new UdpTransportOptionsBuilder { Bind = IPEndPoint.Parse(bind) };
        configure?.Invoke(builder);
        return new UdpTransport(builder.Build());
    }

    [Theory]
    [InlineData("127.0.0.1:0")]
    [InlineData("[::1]:0")]
    public async Task Round_trip_with_reply_through_the_receiving_transport(string bind)
    {
        await using var server = Create(bind);
        await using var client = Create(bind);
        var serverHandler = new RecordingHandler
        {
            OnReceived = (data, peer, local) => local.Transport.Send("SIP/2.0 200 OK\r\n\r\n"u8, peer),
        };
        var clientHandler = new RecordingHandler();
        server.Start(serverHandler);
        client.Start(clientHandler);
        Assert.NotEqual(0, server.Local.EndPoint.Port);

        var status = client.Send("OPTIONS sip:x SIP/2.0\r\n\r\n"u8, server.Local.Address);
        Assert.Equal(SendStatus.Sent, status);

        var request = await serverHandler.NextAsync();
        Assert.Equal("OPTIONS sip:x SIP/2.0\r\n\r\n", request.Text);
        Assert.Equal(client.Local.Address, request.Peer.Address);
        Assert.Null(request.Peer.Connection);
        Assert.Same(server.Local, request.Local);

        var reply = await clientHandler.NextAsync();
        Assert.Equal("SIP/2.0 200 OK\r\n\r\n", reply.Text);
        Assert.Equal(1, server.Counters.MessagesReceived);

        // The reply can overtake the sender's counter update: wait for it instead of racing.
        Assert.True(SpinWait.SpinUntil(() => server.Counters.MessagesSent == 1, TestTimeouts.Default));
        Assert.Equal(client.Counters.BytesSent, server.Counters.BytesReceived);
    }

    [Fact]
    public async Task Many_datagrams_from_several_loops_all_arrive_intact()
    {
        var pool = new LeakCheckingBufferPool();
        await using var server = Create(configure: b => { b.Loops = 3; b.Pool = pool; });
        var handler = new RecordingHandler();
        server.Start(handler);
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        const int count = 300;
        for (int i = 0; i < count; i++)
        {
            sender.SendTo(Encoding.ASCII.GetBytes($"message {i:D4}"), server.Local.EndPoint);
            if (i % 50 == 49)
            {
                await Task.Delay(5); // stay under the socket buffer on slow machines
            }
        }

        var received = await handler.TakeAsync(count);
        Assert.Equal(
            Enumerable.Range(0, count).Select(i => $"message {i:D4}").Order(),
            received.Select(r => r.Text).Order());
        Assert.Equal(3, pool.Outstanding); // one receive buffer per loop
        await server.StopAsync();
        pool.AssertNoLeaks();
    }

    [Fact]
    public async Task Large_datagram_arrives_whole()
    {
        await using var server = Create();
        await using var client = Create();
        var handler = new RecordingHandler();
        server.Start(handler);
        client.Start(new RecordingHandler());
        var payload = new byte[60_000];
        new Random(42).NextBytes(payload);

        Assert.Equal(SendStatus.Sent, client.Send(payload, server.Local.Address));
        var received = await handler.NextAsync();
        Assert.Equal(payload, received.Data);
        Assert.Equal(SendStatus.TooLarge, client.Send(new byte[70_000], server.Local.Address));
    }

    [Fact]
    public async Task Admission_filter_drops_before_the_handler_and_counts()
    {
        var filter = new BlockListFilter();
        filter.Block(IPAddress.Loopback);
        await using var server = Create(configure: b => b.Filter = filter);
        var handler = new RecordingHandler();
        server.Start(handler);
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        for (int i = 0; i < 5; i++)
        {
            sender.SendTo("REGISTER sip:x SIP/2.0\r\n\r\n"u8, server.Local.EndPoint);
        }

        Assert.True(SpinWait.SpinUntil(() => server.Counters.DroppedByFilter == 5, TestTimeouts.Default));
        Assert.Empty(handler.Messages);
        Assert.Equal(0, server.Counters.MessagesReceived);

        filter.Unblock(IPAddress.Loopback);
        sender.SendTo("after unban"u8, server.Local.EndPoint);
        Assert.Equal("after unban", (await handler.NextAsync()).Text);
    }

    [Fact]
    public async Task Filter_can_be_swapped_while_running()
    {
        await using var server = Create();
        var handler = new RecordingHandler();
        server.Start(handler);
        var filter = new BlockListFilter();
        filter.Block(IPAddress.Loopback);
        server.AdmissionFilter = filter;
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sender.SendTo("x"u8, server.Local.EndPoint);
        Assert.True(SpinWait.SpinUntil(() => server.Counters.DroppedByFilter == 1, TestTimeouts.Default));
        Assert.Empty(handler.Messages);
    }

    [Fact]
    public async Task Garbage_and_a_throwing_handler_do_not_stop_the_loop()
    {
        await using var server = Create(configure: b => b.Loops = 1);
        var handler = new RecordingHandler
        {
            OnReceived = (data, _, _) =>
            {
                if (data[0] == 0xFF)
                {
                    throw new InvalidOperationException("parser blew up");
                }
            },
        };
        server.Start(handler);
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var garbage = new byte[512];
        new Random(7).NextBytes(garbage);
        garbage[0] = 0xFF;
        sender.SendTo(garbage, server.Local.EndPoint);
        sender.SendTo(Array.Empty<byte>(), server.Local.EndPoint);
        sender.SendTo("still alive"u8, server.Local.EndPoint);

        Assert.Equal(garbage, (await handler.NextAsync()).Data);
        Assert.Equal("still alive", (await handler.NextAsync()).Text);
        Assert.Equal(1, server.Counters.HandlerErrors);
        Assert.Equal(1, server.Counters.KeepAlives); // the empty datagram
    }

    [Fact]
    public async Task Sending_to_a_closed_port_does_not_disturb_receiving()
    {
        await using var server = Create();
        var handler = new RecordingHandler();
        server.Start(handler);

        // An address and port nobody listens on (127.0.0.77: no test binds there): the ICMP port-unreachable
        // that comes back must be ignored.
        for (int i = 0; i < 5; i++)
        {
            server.Send("ping"u8, PeerAddress.FromEndPoint(new IPEndPoint(IPAddress.Parse("127.0.0.77"), 9 + i)));
        }

        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sender.SendTo("hello"u8, server.Local.EndPoint);
        Assert.Equal("hello", (await handler.NextAsync()).Text);
        Assert.Equal(0, server.Counters.ReceiveErrors);
    }

    [Fact]
    public async Task Address_family_mismatch_is_reported_not_thrown()
    {
        await using var v4 = Create();
        v4.Start(new RecordingHandler());
        Assert.Equal(SendStatus.AddressFamilyMismatch, v4.Send("x"u8, PeerAddress.FromEndPoint(IPEndPoint.Parse("[::1]:5060"))));
    }

    [Fact]
    public async Task Dual_mode_socket_receives_ipv4_as_ipv4()
    {
        await using var server = Create("[::]:0", b => b.DualMode = true);
        var handler = new RecordingHandler { OnReceived = (_, peer, local) => local.Transport.Send("pong"u8, peer) };
        server.Start(handler);
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sender.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        sender.SendTo("ping"u8, new IPEndPoint(IPAddress.Loopback, server.Local.EndPoint.Port));
        var received = await handler.NextAsync();
        Assert.True(received.Peer.Address.IsIPv4);
        Assert.Equal(PeerAddress.FromEndPoint((IPEndPoint)sender.LocalEndPoint!), received.Peer.Address);

        var buffer = new byte[16];
        sender.ReceiveTimeout = (int)TestTimeouts.Default.TotalMilliseconds;
        int n = sender.Receive(buffer);
        Assert.Equal("pong", Encoding.ASCII.GetString(buffer, 0, n));
    }

    [Fact]
    public async Task Stop_is_idempotent_and_sends_after_stop_report_closed()
    {
        var pool = new LeakCheckingBufferPool();
        var server = Create(configure: b => b.Pool = pool);
        server.Start(new RecordingHandler());
        await server.StopAsync();
        await server.StopAsync();
        Assert.Equal(SendStatus.Closed, server.Send("x"u8, PeerAddress.FromEndPoint(IPEndPoint.Parse("127.0.0.1:9"))));
        pool.AssertNoLeaks();
        Assert.Throws<ObjectDisposedException>(() => server.Start(new RecordingHandler()));
    }

    [Fact]
    public async Task Binding_a_taken_port_throws_a_socket_exception()
    {
        await using var first = Create();
        first.Start(new RecordingHandler());
        await using var second = Create(first.Local.EndPoint.ToString());
        Assert.Throws<SocketException>(() => second.Start(new RecordingHandler()));
    }

    internal sealed class UdpTransportOptionsBuilder
    {
        public IPEndPoint Bind { get; set; } = new(IPAddress.Loopback, 0);

        public int Loops { get; set; } = 2;

        public bool DualMode { get; set; }

        public Common.Buffers.IBufferPool? Pool { get; set; }

        public Admission.IAdmissionFilter? Filter { get; set; }

        public UdpTransportOptions Build() => new()
        {
            Name = "udp-test",
            BindEndPoint = Bind,
            ReceiveLoops = Loops,
            DualMode = DualMode,
            BufferPool = Pool ?? Common.Buffers.ArrayBufferPool.Shared,
            AdmissionFilter = Filter ?? Admission.AdmitAllFilter.Instance,
        };
    }
}
