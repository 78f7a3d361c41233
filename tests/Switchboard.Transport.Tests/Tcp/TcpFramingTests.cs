using System.Text;
using Switchboard.TestKit;
using Switchboard.Transport.Tests.Support;

namespace Switchboard.Transport.Tests.Tcp;

public sealed class TcpFramingTests
{
    [Fact]
    public async Task Message_split_into_single_bytes_is_reassembled()
    {
        await using var server = StreamTransports.Tcp();
        var handler = new RecordingHandler();
        server.Start(handler);
        using var client = await RawClient.ConnectAsync(server.Local.EndPoint);
        var message = TestFramer.Message("MESSAGE sip:bob@example.com SIP/2.0", "hello over tcp");
        foreach (var b in message)
        {
            await client.SendAsync([b]);
        }

        var received = await handler.NextAsync();
        Assert.Equal(message, received.Data);
        Assert.NotNull(received.Peer.Connection);
        Assert.Equal(client.LocalAddress, received.Peer.Address);
    }

    [Fact]
    public async Task Coalesced_messages_and_pings_are_split_apart()
    {
        await using var server = StreamTransports.Tcp();
        var handler = new RecordingHandler();
        server.Start(handler);
        using var client = await RawClient.ConnectAsync(server.Local.EndPoint);
        var one = TestFramer.Message("OPTIONS sip:a SIP/2.0", "first");
        var two = TestFramer.Message("OPTIONS sip:b SIP/2.0");
        var three = TestFramer.Message("OPTIONS sip:c SIP/2.0", new string('x', 3000));
        var ping = "\r\n\r\n"u8.ToArray();
        await client.SendAsync([.. ping, .. one, .. two, .. ping, .. three, .. ping]);

        var received = await handler.TakeAsync(3);
        Assert.Equal(one, received[0].Data);
        Assert.Equal(two, received[1].Data);
        Assert.Equal(three, received[2].Data);
        Assert.True(SpinWait.SpinUntil(() => handler.KeepAlives == 3, TestTimeouts.Default));
        Assert.Equal(3, server.Counters.KeepAlives);
        Assert.Same(received[0].Peer.Connection, received[2].Peer.Connection);
    }

    [Fact]
    public async Task Message_spanning_many_reads_and_pipe_segments_is_contiguous_for_the_handler()
    {
        var pool = new LeakCheckingBufferPool();
        await using var server = StreamTransports.Tcp(pool: pool);
        var handler = new RecordingHandler();
        server.Start(handler);
        using var client = await RawClient.ConnectAsync(server.Local.EndPoint);
        var body = string.Concat(Enumerable.Range(0, 2000).Select(i => $"{i:D5},"));
        var message = TestFramer.Message("INFO sip:a SIP/2.0", body);
        for (int offset = 0; offset < message.Length; offset += 1000)
        {
            await client.SendAsync(message[offset..Math.Min(offset + 1000, message.Length)]);
            await Task.Delay(1);
        }

        Assert.Equal(message, (await handler.NextAsync()).Data);
        await server.StopAsync();
        Assert.True(pool.WaitForNoLeaks(TestTimeouts.Default), $"{pool.Outstanding} buffers outstanding");
    }

    [Fact]
    public async Task Unframeable_garbage_closes_only_that_connection()
    {
        await using var server = StreamTransports.Tcp();
        var handler = new RecordingHandler();
        server.Start(handler);
        using var good = await RawClient.ConnectAsync(server.Local.EndPoint);
        using var bad = await RawClient.ConnectAsync(server.Local.EndPoint);

        await bad.SendAsync("GARBAGE WITHOUT LENGTH\r\nX: y\r\n\r\n");
        Assert.True(await bad.WaitForCloseAsync());
        Assert.True(SpinWait.SpinUntil(() => server.Counters.FramingErrors == 1, TestTimeouts.Default));

        var message = TestFramer.Message("OPTIONS sip:ok SIP/2.0");
        await good.SendAsync(message);
        Assert.Equal(message, (await handler.NextAsync()).Data);
        Assert.Equal(1, server.Counters.MessagesReceived);
    }

    [Fact]
    public async Task Random_binary_input_never_stalls_the_server()
    {
        await using var server = StreamTransports.Tcp(maxMessage: 4096);
        var handler = new RecordingHandler();
        server.Start(handler);
        var random = new Random(1234);
        for (int i = 0; i < 10; i++)
        {
            using var client = await RawClient.ConnectAsync(server.Local.EndPoint);
            var junk = new byte[random.Next(1, 20_000)];
            random.NextBytes(junk);
            try
            {
                await client.SendAsync(junk);
            }
            catch (System.Net.Sockets.SocketException)
            {
                // the server may already have reset the connection
            }
        }

        using var last = await RawClient.ConnectAsync(server.Local.EndPoint);
        var message = TestFramer.Message("OPTIONS sip:after-junk SIP/2.0");
        await last.SendAsync(message);
        Assert.Equal(message, (await handler.NextAsync(TestTimeouts.Default)).Data);
    }

    [Fact]
    public async Task Oversized_message_closes_the_connection()
    {
        await using var server = StreamTransports.Tcp(maxMessage: 1024);
        var handler = new RecordingHandler();
        server.Start(handler);
        using var client = await RawClient.ConnectAsync(server.Local.EndPoint);

        await client.SendAsync(TestFramer.Message("MESSAGE sip:a SIP/2.0", new string('z', 2000)));
        Assert.True(await client.WaitForCloseAsync());
        Assert.Empty(handler.Messages);
        Assert.Equal(1, server.Counters.FramingErrors);
    }

    [Fact]
    public async Task Endless_header_without_terminator_is_cut_at_the_limit()
    {
        await using var server = StreamTransports.Tcp(maxMessage: 2048);
        server.Start(new RecordingHandler());
        using var client = await RawClient.ConnectAsync(server.Local.EndPoint);
        var line = Encoding.ASCII.GetBytes("X-Flood: " + new string('a', 500) + "\r\n");
        bool closed = false;
        for (int i = 0; i < 20 && !closed; i++)
        {
            try
            {
                await client.SendAsync(line);
            }
            catch (System.Net.Sockets.SocketException)
            {
                closed = true;
            }
        }

        Assert.True(closed || await client.WaitForCloseAsync());
        Assert.True(SpinWait.SpinUntil(() => server.Counters.FramingErrors == 1, TestTimeouts.Default));
    }

    [Fact]
    public async Task Throwing_handler_keeps_the_connection()
    {
        await using var server = StreamTransports.Tcp();
        var handler = new RecordingHandler
        {
            OnReceived = (data, _, _) =>
            {
                if (Encoding.ASCII.GetString(data).Contains("boom"))
                {
                    throw new InvalidOperationException("boom");
                }
            },
        };
        server.Start(handler);
        using var client = await RawClient.ConnectAsync(server.Local.EndPoint);
        await client.SendAsync(TestFramer.Message("OPTIONS sip:boom SIP/2.0"));
        var second = TestFramer.Message("OPTIONS sip:fine SIP/2.0");
        await client.SendAsync(second);
        await handler.NextAsync();
        Assert.Equal(second, (await handler.NextAsync()).Data);
        Assert.Equal(1, server.Counters.HandlerErrors);
    }
}
