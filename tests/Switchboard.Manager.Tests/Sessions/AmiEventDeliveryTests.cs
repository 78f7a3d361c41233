using System.Net;
using Switchboard.Core.Events;

namespace Switchboard.Manager.Tests.Sessions;

public sealed class AmiEventDeliveryTests
{
    private static SecurityEvent Failed(string account) => new(SecurityEventType.InvalidAccountID, DateTimeOffset.UtcNow, "PJSIP", account, "call-9",
        new TransportAddress(new IPEndPoint(IPAddress.Loopback, 5060), "UDP"), new TransportAddress(new IPEndPoint(IPAddress.Parse("192.0.2.7"), 5070), "UDP"), []);

    [Fact]
    public async Task Security_events_reach_readers_with_security_class_only()
    {
        await using var h = await new AmiHarness().StartAsync();
        await using var admin = await h.LoginAsync();
        await using var reader = await h.LoginAsync("reader", "readonly");
        h.Bus.Publish(Failed("bob\r\nEvent: Forged"));
        h.Bus.Publish(new ChannelEvent("Newchannel", [new("Channel", "PJSIP/alice-1")]));
        var e = await admin.WaitForAsync(m => m["Event"] == "InvalidAccountID");
        Assert.Equal("security,all", e["Privilege"]);
        Assert.Equal("bob  Event: Forged", e["AccountID"]);
        Assert.Equal("IPV4/UDP/192.0.2.7/5070", e["RemoteAddress"]);
        Assert.True(e.Has("EventTV") && e.Has("Severity") && e.Has("EventVersion") && e.Has("SessionID") && e.Has("LocalAddress"));
        Assert.Equal("Newchannel", (await admin.WaitForAsync(m => m["Event"] == "Newchannel"))["Event"]);
        Assert.Equal("InvalidAccountID", (await reader.WaitForAsync(m => m.Has("Event") && m["Event"] != "FullyBooted"))["Event"]);
        var ping = await reader.ActionAsync("Ping");
        Assert.Equal("Pong", ping["Ping"]);
    }

    [Fact]
    public async Task Events_off_and_filters_stop_events()
    {
        await using var h = await new AmiHarness().StartAsync();
        await using var off = await h.LoginAsync(events: "off");
        await using var filtered = await h.LoginAsync();
        Assert.Equal("Filter Added Successfully", (await filtered.ActionAsync("Filter", ("Operation", "Add"), ("Filter", "!AccountID: skip")))["Message"]);
        h.Bus.Publish(Failed("skip"));
        h.Bus.Publish(Failed("keep"));
        var got = await filtered.WaitForAsync(m => m["Event"] == "InvalidAccountID");
        Assert.Equal("keep", got["AccountID"]);
        Assert.Equal("Event Sent", (await filtered.ActionAsync("UserEvent", ("UserEvent", "Marker")))["Message"]);
        await off.SendAsync("Ping", ("ActionID", "p1"));
        var first = await off.ReadMessageAsync();
        Assert.Equal("p1", first!["ActionID"]);
        Assert.Equal("Off", (await off.ActionAsync("Events", ("EventMask", "off")))["Events"]);
        Assert.Equal("On", (await off.ActionAsync("Events", ("EventMask", "user")))["Events"]);
        await filtered.ActionAsync("UserEvent", ("UserEvent", "Marker2"), ("Extra", "x"));
        var ue = await off.WaitForAsync(m => m["Event"] == "UserEvent");
        Assert.Equal("Marker2", ue["UserEvent"]);
        Assert.Equal("x", ue["Extra"]);
    }
}
