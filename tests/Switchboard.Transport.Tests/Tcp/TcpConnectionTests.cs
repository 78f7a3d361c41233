using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Switchboard.TestKit;
using Switchboard.Transport.Tests.Support;

namespace Switchboard.Transport.Tests.Tcp;

public sealed class TcpConnectionTests
{
    [Fact]
    public async Task Responses_and_new_requests_reuse_the_clients_connection()
    {
        await using var server = StreamTransports.Tcp();
        var handler = new RecordingHandler
        {
            OnReceived = (_, peer, local) => local.Transport.Send(TestFramer.Message("SIP/2.0 200 OK"), peer),
        };
        server.Start(handler);
        using var client = await RawClient.ConnectAsync(server.Local.EndPoint);
        await client.SendAsync(TestFramer.Message("REGISTER sip:pbx SIP/2.0"));

        var reply = TestFramer.Message("SIP/2.0 200 OK");
        Assert.Equal(reply, await client.ReadExactlyAsync(reply.Length));

        // A new request to the client's address (e.g. to its registered contact) goes over the same connection.
        var notify = TestFramer.Message("NOTIFY sip:client SIP/2.0", "mwi");
        Assert.Equal(SendStatus.Queued, server.Send(notify, client.LocalAddress));
        Assert.Equal(notify, await client.ReadExactlyAsync(notify.Length));
        Assert.Equal(1, server.ConnectionCount);
        Assert.Equal(0, server.Counters.ConnectionsOpened);
        Assert.Equal(1, server.Counters.ConnectionsAccepted);
    }

    [Fact]
    public async Task Outbound_connection_is_opened_once_and_reused_both_ways()
    {
        await using var a = StreamTransports.Tcp();
        await using var b = StreamTransports.Tcp();
        var aHandler = new RecordingHandler();
        var bHandler = new RecordingHandler
        {
            OnReceived = (_, peer, local) => local.Transport.Send(TestFramer.Message("SIP/2.0 200 OK"), peer),
        };
        a.Start(aHandler);
        b.Start(bHandler);

        var first = await a.SendAsync(TestFramer.Message("OPTIONS sip:b SIP/2.0", "1"), b.Local.Address);
        var second = await a.SendAsync(TestFramer.Message("OPTIONS sip:b SIP/2.0", "2"), b.Local.Address);
        Assert.Equal(SendStatus.Queued, first);
        Assert.Equal(SendStatus.Queued, second);

        var atB = await bHandler.TakeAsync(2);
        Assert.EndsWith("1", atB[0].Text);
        Assert.EndsWith("2", atB[1].Text);
        Assert.Same(atB[0].Peer.Connection, atB[1].Peer.Connection);
        await aHandler.TakeAsync(2);
        Assert.Equal(1, a.Counters.ConnectionsOpened);
        Assert.Equal(1, b.Counters.ConnectionsAccepted);
        Assert.True(a.TryGetConnection(b.Local.Address, out var connection));
        Assert.True(connection.IsOutbound);
        Assert.True(connection.IsOpen);
    }

    [Fact]
    public async Task Concurrent_sends_on_one_connection_never_interleave()
    {
        await using var a = StreamTransports.Tcp();
        await using var b = StreamTransports.Tcp();
        var bHandler = new RecordingHandler();
        a.Start(new RecordingHandler());
        b.Start(bHandler);
        Assert.Equal(SendStatus.Queued, await a.SendAsync(TestFramer.Message("OPTIONS sip:warmup SIP/2.0"), b.Local.Address));
        await bHandler.NextAsync();

        const int threads = 6;
        const int perThread = 150;
        var senders = Enumerable.Range(0, threads).Select(t => Task.Run(() =>
        {
            for (int i = 0; i < perThread; i++)
            {
                var body = $"{t}:{i}:" + new string((char)('a' + t), 200 + (i % 7) * 300);
                Assert.Equal(SendStatus.Queued, a.Send(TestFramer.Message("MESSAGE sip:b SIP/2.0", body), b.Local.Address));
            }
        })).ToArray();
        await Task.WhenAll(senders);

        var received = await bHandler.TakeAsync(threads * perThread);
        var perSender = new int[threads];
        foreach (var message in received)
        {
            var body = message.Text[(message.Text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
            var parts = body.Split(':');
            int t = int.Parse(parts[0]);
            Assert.Equal(perSender[t]++, int.Parse(parts[1])); // each sender's messages arrive in its order
            Assert.All(parts[2], c => Assert.Equal((char)('a' + t), c));
        }

        Assert.Equal(1, a.Counters.ConnectionsOpened);
    }

    [Fact]
    public async Task Connect_failure_is_reported_by_SendAsync()
    {
        await using var a = StreamTransports.Tcp();
        a.Start(new RecordingHandler());

        // Bound but not listening: connections are refused, and no other test can take the port meanwhile.
        using var probe = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        int deadPort = ((IPEndPoint)probe.LocalEndPoint!).Port;

        var status = await a.SendAsync(TestFramer.Message("OPTIONS sip:nobody SIP/2.0"), PeerAddress.FromEndPoint(new IPEndPoint(IPAddress.Loopback, deadPort)));
        Assert.Equal(SendStatus.ConnectFailed, status);
        Assert.True(SpinWait.SpinUntil(() => a.ConnectionCount == 0, TestTimeouts.Default));
        Assert.Equal(0, a.Counters.ActiveConnections);
    }

    [Fact]
    public async Task Idle_connection_is_closed_on_the_fake_clock()
    {
        var time = new FakeTimeProvider();
        await using var server = StreamTransports.Tcp(time: time, idle: TimeSpan.FromSeconds(30));
        var handler = new RecordingHandler();
        server.Start(handler);
        using var client = await RawClient.ConnectAsync(server.Local.EndPoint);
        await client.SendAsync(TestFramer.Message("OPTIONS sip:a SIP/2.0"));
        await handler.NextAsync();

        time.Advance(TimeSpan.FromSeconds(20));
        await client.SendAsync("\r\n\r\n"); // keep-alive counts as activity
        Assert.True(SpinWait.SpinUntil(() => server.Counters.KeepAlives == 1, TestTimeouts.Default));
        time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(1, server.ConnectionCount);

        time.Advance(TimeSpan.FromSeconds(11));
        Assert.True(await client.WaitForCloseAsync());
        await handler.WaitClosedAsync();
        Assert.Equal(0, server.ConnectionCount);
    }

    [Fact]
    public async Task Pinned_connection_survives_idle_time_and_closes_once_unpinned()
    {
        var time = new FakeTimeProvider();
        await using var server = StreamTransports.Tcp(time: time, idle: TimeSpan.FromSeconds(30));
        var handler = new RecordingHandler();
        server.Start(handler);
        using var client = await RawClient.ConnectAsync(server.Local.EndPoint);
        await client.SendAsync(TestFramer.Message("REGISTER sip:pbx SIP/2.0"));
        var connection = (await handler.NextAsync()).Peer.Connection!;
        connection.Pinned = true;

        for (int i = 0; i < 10; i++)
        {
            time.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.True(connection.IsOpen);
        connection.Pinned = false;
        time.Advance(TimeSpan.FromSeconds(31));
        Assert.True(await client.WaitForCloseAsync());
        Assert.Equal("idle timeout", connection.CloseReason);
    }

    [Fact]
    public async Task Admission_filter_refuses_at_accept_and_checks_each_message()
    {
        var filter = new BlockListFilter();
        await using var server = StreamTransports.Tcp(filter: filter);
        var handler = new RecordingHandler();
        server.Start(handler);

        using var admitted = await RawClient.ConnectAsync(server.Local.EndPoint);
        await admitted.SendAsync(TestFramer.Message("OPTIONS sip:1 SIP/2.0"));
        await handler.NextAsync();

        // Banned while connected: the next message is dropped unparsed and the connection closed.
        filter.Block(IPAddress.Loopback);
        await admitted.SendAsync(TestFramer.Message("OPTIONS sip:2 SIP/2.0"));
        Assert.True(await admitted.WaitForCloseAsync());
        Assert.True(await handler.StaysQuietAsync());
        Assert.Equal(1, server.Counters.DroppedByFilter);

        // New connections from the banned address are refused before any byte is read.
        Assert.True(await RawClient.IsRefusedAsync(server.Local.EndPoint, TestFramer.Message("OPTIONS sip:3 SIP/2.0")));
        Assert.True(SpinWait.SpinUntil(() => server.Counters.ConnectionsRejected == 1, TestTimeouts.Default));
        Assert.Equal(1, server.Counters.MessagesReceived);
    }

    [Fact]
    public async Task Connection_limit_refuses_extra_connections()
    {
        await using var server = StreamTransports.Tcp(maxConnections: 2);
        var handler = new RecordingHandler();
        server.Start(handler);
        using var one = await RawClient.ConnectAsync(server.Local.EndPoint);
        using var two = await RawClient.ConnectAsync(server.Local.EndPoint);
        Assert.True(SpinWait.SpinUntil(() => server.Counters.ActiveConnections == 2, TestTimeouts.Default));
        Assert.True(await RawClient.IsRefusedAsync(server.Local.EndPoint, TestFramer.Message("OPTIONS sip:3 SIP/2.0")));
        Assert.Equal(1, server.Counters.ConnectionsRejected);

        await one.SendAsync(TestFramer.Message("OPTIONS sip:still-served SIP/2.0"));
        Assert.Contains("still-served", (await handler.NextAsync()).Text);
    }

    [Fact]
    public async Task Send_queue_limit_refuses_when_the_peer_does_not_read()
    {
        await using var server = StreamTransports.Tcp(maxQueue: 64 * 1024);
        var handler = new RecordingHandler();
        server.Start(handler);
        using var lazy = await RawClient.ConnectAsync(server.Local.EndPoint);
        lazy.Socket.ReceiveBufferSize = 4096;
        await lazy.SendAsync(TestFramer.Message("SUBSCRIBE sip:x SIP/2.0"));
        var peer = (await handler.NextAsync()).Peer;

        var big = TestFramer.Message("NOTIFY sip:x SIP/2.0", new string('n', 16 * 1024));
        var statuses = new List<SendStatus>();
        for (int i = 0; i < 2000 && !statuses.Contains(SendStatus.QueueFull); i++)
        {
            statuses.Add(server.Send(big, peer));
        }

        Assert.Contains(SendStatus.QueueFull, statuses);
        Assert.True(peer.Connection!.QueuedBytes <= 64 * 1024 + big.Length);
    }

    [Fact]
    public async Task A_thousand_connections_are_served_and_answered()
    {
        await using var server = StreamTransports.Tcp();
        var handler = new RecordingHandler
        {
            OnReceived = (data, peer, local) => local.Transport.Send(TestFramer.Message("SIP/2.0 200 OK", Encoding.ASCII.GetString(data[^4..])), peer),
        };
        server.Start(handler);
        const int count = 1000;
        var clients = new RawClient[count];
        try
        {
            for (int i = 0; i < count; i += 50)
            {
                var batch = Enumerable.Range(i, 50).Select(async j => clients[j] = await RawClient.ConnectAsync(server.Local.EndPoint));
                await Task.WhenAll(batch);
            }

            await Task.WhenAll(clients.Select((c, i) => c.SendAsync(TestFramer.Message("OPTIONS sip:x SIP/2.0", $"{i:D4}"))));
            var replies = await Task.WhenAll(clients.Select(async (c, i) =>
            {
                var expected = TestFramer.Message("SIP/2.0 200 OK", $"{i:D4}");
                return Encoding.ASCII.GetString(await c.ReadExactlyAsync(expected.Length)).EndsWith($"{i:D4}", StringComparison.Ordinal);
            }));

            Assert.All(replies, Assert.True);
            Assert.Equal(count, server.Counters.ConnectionsAccepted);
            Assert.Equal(count, server.ConnectionCount);
        }
        finally
        {
            foreach (var client in clients)
            {
                client?.Dispose();
            }
        }

        Assert.True(SpinWait.SpinUntil(() => handler.ClosedCount == count, TestTimeouts.Default), $"{handler.ClosedCount} closed");
        Assert.True(SpinWait.SpinUntil(() => server.ConnectionCount == 0, TestTimeouts.Default));
    }

    [Fact]
    public async Task Stop_closes_connections_and_returns_every_buffer()
    {
        var pool = new LeakCheckingBufferPool();
        var server = StreamTransports.Tcp(pool: pool);
        var handler = new RecordingHandler();
        server.Start(handler);
        using var client = await RawClient.ConnectAsync(server.Local.EndPoint);
        await client.SendAsync(TestFramer.Message("OPTIONS sip:a SIP/2.0"));
        var peer = (await handler.NextAsync()).Peer;
        server.Send(TestFramer.Message("SIP/2.0 200 OK"), peer);

        await server.StopAsync();
        await server.StopAsync();
        Assert.True(await client.WaitForCloseAsync());
        Assert.Equal(0, server.ConnectionCount);
        Assert.Equal(SendStatus.Closed, server.Send("x"u8, peer));
        pool.AssertNoLeaks();
    }

    [Fact]
    public async Task Ipv6_loopback_works()
    {
        await using var server = StreamTransports.Tcp("[::1]:0");
        var handler = new RecordingHandler();
        server.Start(handler);
        await using var client = StreamTransports.Tcp("[::1]:0", listen: false);
        client.Start(new RecordingHandler());
        Assert.Equal(SendStatus.Queued, await client.SendAsync(TestFramer.Message("OPTIONS sip:[::1] SIP/2.0"), server.Local.Address));
        var received = await handler.NextAsync();
        Assert.False(received.Peer.Address.IsIPv4);
        Assert.Equal(SendStatus.AddressFamilyMismatch, client.Send("x"u8, PeerAddress.FromEndPoint(IPEndPoint.Parse("127.0.0.1:5060"))));
    }
}
