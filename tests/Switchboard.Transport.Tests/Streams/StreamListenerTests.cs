using System.Net;
using System.Text;
using Switchboard.Transport.Streams;
using Switchboard.Transport.Tests.Support;

namespace Switchboard.Transport.Tests.Streams;

public sealed class StreamListenerTests
{
    private static StreamListener Create(IStreamHandler handler, int maxConnections = 16, Admission.IAdmissionFilter? filter = null) =>
        new(new StreamListenerOptions
        {
            Name = "ami-test",
            BindEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            MaxConnections = maxConnections,
            AdmissionFilter = filter ?? Admission.AdmitAllFilter.Instance,
            StopTimeout = TimeSpan.FromSeconds(5),
        }, handler);

    [Fact]
    public async Task Handler_gets_the_stream_and_remote_address_and_can_talk_lines()
    {
        var handler = new EchoLineHandler();
        await using var listener = Create(handler);
        listener.Start();
        using var client = await RawClient.ConnectAsync(listener.LocalEndPoint);

        var banner = "Asterisk Call Manager/7.0.3\r\n"u8.ToArray();
        Assert.Equal(banner, await client.ReadExactlyAsync(banner.Length));
        await client.SendAsync("Action: Ping\r\n");
        var echo = "echo: Action: Ping\r\n"u8.ToArray();
        Assert.Equal(echo, await client.ReadExactlyAsync(echo.Length));
        Assert.Equal(client.LocalAddress, handler.Remotes.Single());
        Assert.Equal(1, listener.ActiveConnections);

        client.Socket.Shutdown(System.Net.Sockets.SocketShutdown.Send);
        Assert.True(await client.WaitForCloseAsync());
        Assert.True(SpinWait.SpinUntil(() => listener.ActiveConnections == 0, TestTimeouts.Default));
    }

    [Fact]
    public async Task Filter_and_connection_limit_refuse_before_the_handler_runs()
    {
        var filter = new BlockListFilter();
        var handler = new EchoLineHandler();
        await using var listener = Create(handler, maxConnections: 1, filter: filter);
        listener.Start();

        using var first = await RawClient.ConnectAsync(listener.LocalEndPoint);
        await first.ReadExactlyAsync("Asterisk Call Manager/7.0.3\r\n".Length);
        Assert.True(await RawClient.IsRefusedAsync(listener.LocalEndPoint, "Action: Login\r\n"u8.ToArray()));
        Assert.Equal(1, listener.Counters.ConnectionsRejected);

        filter.Block(IPAddress.Loopback);
        first.Dispose();
        Assert.True(SpinWait.SpinUntil(() => listener.ActiveConnections == 0, TestTimeouts.Default));
        Assert.True(await RawClient.IsRefusedAsync(listener.LocalEndPoint, "Action: Login\r\n"u8.ToArray()));
        Assert.Equal(1, listener.Counters.DroppedByFilter);
        Assert.Single(handler.Remotes);
    }

    [Fact]
    public async Task Stop_cancels_handlers_and_closes_connections()
    {
        var handler = new EchoLineHandler();
        var listener = Create(handler);
        listener.Start();
        using var client = await RawClient.ConnectAsync(listener.LocalEndPoint);
        await client.ReadExactlyAsync("Asterisk Call Manager/7.0.3\r\n".Length);

        await listener.StopAsync().AsTask().WaitAsync(TestTimeouts.Default);
        await listener.StopAsync();
        Assert.True(await client.WaitForCloseAsync());
        Assert.Equal(0, listener.ActiveConnections);
    }

    [Fact]
    public async Task Throwing_handler_is_counted_and_the_listener_keeps_accepting()
    {
        var handler = new EchoLineHandler { ThrowOnConnect = true };
        await using var listener = Create(handler);
        listener.Start();
        using (var doomed = await RawClient.ConnectAsync(listener.LocalEndPoint))
        {
            Assert.True(await doomed.WaitForCloseAsync());
        }

        Assert.True(SpinWait.SpinUntil(() => listener.Counters.HandlerErrors == 1, TestTimeouts.Default));
        handler.ThrowOnConnect = false;
        using var fine = await RawClient.ConnectAsync(listener.LocalEndPoint);
        await fine.ReadExactlyAsync("Asterisk Call Manager/7.0.3\r\n".Length);
    }

    private sealed class EchoLineHandler : IStreamHandler
    {
        public System.Collections.Concurrent.ConcurrentQueue<PeerAddress> Remotes { get; } = new();

        public volatile bool ThrowOnConnect;

        public async Task HandleConnectionAsync(Stream stream, PeerAddress remote, CancellationToken cancellationToken)
        {
            Remotes.Enqueue(remote);
            if (ThrowOnConnect)
            {
                throw new InvalidOperationException("handler bug");
            }

            await stream.WriteAsync("Asterisk Call Manager/7.0.3\r\n"u8.ToArray(), cancellationToken);
            using var reader = new StreamReader(stream, Encoding.ASCII, false, 1024, leaveOpen: true);
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"echo: {line}\r\n"), cancellationToken);
            }
        }
    }
}
