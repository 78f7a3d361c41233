using System.Net;
using Switchboard.TestKit;
using Switchboard.Transport.Tests.Support;

namespace Switchboard.Transport.Tests.TestKit;

public sealed class InMemoryTransportTests
{
    private static readonly PeerAddress Phone = PeerAddress.FromEndPoint(IPEndPoint.Parse("192.0.2.50:5062"));

    [Fact]
    public async Task Delivers_injected_messages_and_records_sends()
    {
        await using var transport = new InMemoryTransport();
        var handler = new RecordingHandler
        {
            OnReceived = (_, peer, local) => local.Transport.Send("SIP/2.0 200 OK\r\n\r\n"u8, peer),
        };
        transport.Start(handler);

        Assert.True(transport.Deliver("OPTIONS sip:pbx SIP/2.0\r\n\r\n", Phone));
        var received = await handler.NextAsync();
        Assert.Equal(Phone, received.Peer.Address);
        Assert.Same(transport.Local, received.Local);

        var sent = await transport.NextSentAsync(TestTimeouts.Default);
        Assert.Equal("SIP/2.0 200 OK\r\n\r\n", sent.Text);
        Assert.Equal(Phone, sent.Destination);
        Assert.False(transport.TryTakeSent(out _));
        await Assert.ThrowsAsync<TimeoutException>(() => transport.NextSentAsync(TimeSpan.FromMilliseconds(10)));
    }

    [Fact]
    public async Task Applies_the_admission_filter_and_simulates_send_failures()
    {
        await using var transport = new InMemoryTransport();
        var handler = new RecordingHandler();
        transport.Start(handler);
        var filter = new BlockListFilter();
        filter.Block(IPAddress.Parse("192.0.2.50"));
        transport.AdmissionFilter = filter;

        Assert.False(transport.Deliver("INVITE", Phone));
        Assert.Equal(1, transport.Counters.DroppedByFilter);
        Assert.Empty(handler.Messages);

        transport.NextSendStatus = SendStatus.ConnectFailed;
        Assert.Equal(SendStatus.ConnectFailed, await transport.SendAsync("x"u8.ToArray(), Phone));
        Assert.Empty(transport.Sent);
    }

    [Fact]
    public async Task Network_routes_between_transports_when_pumped()
    {
        var network = new InMemoryNetwork();
        await using var pbx = new InMemoryTransport("udp", localEndPoint: IPEndPoint.Parse("10.0.0.1:5060"), network: network);
        await using var phone = new InMemoryTransport("phone", localEndPoint: IPEndPoint.Parse("10.0.0.2:5060"), network: network);
        var pbxHandler = new RecordingHandler { OnReceived = (_, peer, local) => local.Transport.Send("SIP/2.0 200 OK\r\n\r\n"u8, peer) };
        var phoneHandler = new RecordingHandler();
        pbx.Start(pbxHandler);
        phone.Start(phoneHandler);

        phone.Send("REGISTER sip:pbx SIP/2.0\r\n\r\n"u8, pbx.Local.Address);
        Assert.Empty(pbxHandler.Messages);
        Assert.Equal(2, network.Pump());
        Assert.Equal(phone.Local.Address, (await pbxHandler.NextAsync()).Peer.Address);
        Assert.StartsWith("SIP/2.0 200", (await phoneHandler.NextAsync()).Text);

        phone.Send("x"u8, PeerAddress.FromEndPoint(IPEndPoint.Parse("10.0.0.9:5060")));
        Assert.Equal(1, network.Undeliverable);
    }
}
