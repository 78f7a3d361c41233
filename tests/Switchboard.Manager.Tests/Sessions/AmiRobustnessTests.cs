using System.Net.Sockets;
using System.Text;
using Switchboard.Manager.Sessions;

namespace Switchboard.Manager.Tests.Sessions;

public sealed class AmiRobustnessTests
{
    [Fact]
    public async Task One_megabyte_line_gets_an_error_and_closes_while_good_client_keeps_working()
    {
        await using var h = await new AmiHarness().StartAsync();
        await using var good = await h.LoginAsync();
        await using var bad = await h.ConnectAsync();
        var big = "Action: " + new string('A', 1024 * 1024);
        try
        {
            await bad.SendRawAsync(big);
        }
        catch (IOException)
        {
            // the server may close before all of it is written
        }

        var err = await bad.ReadMessageAsync();
        Assert.Equal("Line too long", err?["Message"]);
        Assert.True(await bad.IsClosedByServerAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal("Pong", (await good.ActionAsync("Ping"))["Ping"]);
    }

    [Fact]
    public async Task Garbage_gets_errors_not_a_crash()
    {
        await using var h = await new AmiHarness().StartAsync();
        await using var c = await h.ConnectAsync();
        await c.SendRawAsync("\u0001\u0002\u00ff binary :: junk\r\n\r\n::::\r\n\r\n");
        var e1 = await c.ReadMessageAsync();
        var e2 = await c.ReadMessageAsync();
        Assert.Equal("Error", e1!["Response"]);
        Assert.Equal("Error", e2!["Response"]);
        var r = await c.ActionAsync("Login", ("Username", "admin"), ("Secret", "s3cret"));
        Assert.Equal("Success", r["Response"]);
    }

    [Fact]
    public async Task Slow_consumer_is_disconnected_not_buffered()
    {
        await using var h = await new AmiHarness(limits: new AmiConnectionLimits { SendQueueMessages = 16, SendQueueBytes = 64 * 1024, WriteTimeout = TimeSpan.FromSeconds(1) }).StartAsync();
        var slow = await h.LoginAsync();
        var socketCount = h.Service.ConnectionCount;
        Assert.Equal(1, socketCount);
        var evt = new Switchboard.Core.Events.ChannelEvent("Newchannel", [new("Channel", new string('x', 2000))]);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (h.Service.ConnectionCount > 0 && DateTime.UtcNow < deadline)
        {
            for (int i = 0; i < 200; i++)
            {
                h.Bus.Publish(evt);
            }

            await Task.Delay(10);
        }

        Assert.Equal(0, h.Service.ConnectionCount);
        await slow.DisposeAsync();
        await using var good = await h.LoginAsync();
        Assert.Equal("Pong", (await good.ActionAsync("Ping"))["Ping"]);
    }

    [Fact]
    public async Task Thousand_connections_are_bounded_and_good_client_keeps_working()
    {
        await using var h = await new AmiHarness().StartAsync();
        await using var good = await h.LoginAsync();
        var sockets = new List<Socket>();
        try
        {
            var connects = new List<Task>();
            for (int i = 0; i < 1000; i++)
            {
                var s = new Socket(SocketType.Stream, ProtocolType.Tcp);
                sockets.Add(s);
                connects.Add(ConnectQuietly(s, h));
            }

            await Task.WhenAll(connects).WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal("Pong", (await good.ActionAsync("Ping"))["Ping"]);
            Assert.True(h.Service.ConnectionCount <= h.Service.Config.MaxConnections);
        }
        finally
        {
            foreach (var s in sockets)
            {
                s.Dispose();
            }
        }

        await using var after = await h.LoginAsync();
        Assert.Equal("Pong", (await after.ActionAsync("Ping"))["Ping"]);
        Assert.Equal("Pong", (await good.ActionAsync("Ping"))["Ping"]);
    }

    private static async Task ConnectQuietly(Socket s, AmiHarness h)
    {
        try
        {
            await s.ConnectAsync(h.EndPoint).WaitAsync(TimeSpan.FromSeconds(30));
            await s.SendAsync(Encoding.ASCII.GetBytes("Action: Login\r\nUsername: x"));
        }
        catch (Exception ex) when (ex is SocketException or TimeoutException or ObjectDisposedException)
        {
            // refused or reset at the limit: that is the point
        }
    }
}
