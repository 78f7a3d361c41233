using System.Net;
using Switchboard.Core.Events;
using Switchboard.Core.Pjsip.Location;
using Switchboard.Manager.Events;

namespace Switchboard.Manager.Tests.Events;

public sealed class AmiEventFormatterTests
{
    [Fact]
    public void Security_event_has_asterisk_fields_in_order()
    {
        var e = new SecurityEvent(SecurityEventType.InvalidPassword, new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero), "PJSIP", "alice\r\nEvent: Forged", "call-1",
            new TransportAddress(new IPEndPoint(IPAddress.Loopback, 5060), "UDP"), new TransportAddress(new IPEndPoint(IPAddress.Parse("10.0.0.9"), 5062), "UDP"),
            [new("Challenge", "abc"), new("ReceivedChallenge", "abc"), new("ReceivedHash", "ffff")]);
        var text = AmiEventFormatter.Format(AmiEventFormatter.Security(e), null);
        Assert.Equal(
            "Event: InvalidPassword\r\nPrivilege: security,all\r\nEventTV: 2024-05-01T12:00:00.000000+0000\r\nSeverity: Error\r\nService: PJSIP\r\n" +
            "EventVersion: 2\r\nAccountID: alice  Event: Forged\r\nSessionID: call-1\r\nLocalAddress: IPV4/UDP/127.0.0.1/5060\r\n" +
            "RemoteAddress: IPV4/UDP/10.0.0.9/5062\r\nChallenge: abc\r\nReceivedChallenge: abc\r\nReceivedHash: ffff\r\n\r\n", text);
    }

    [Fact]
    public void Timestamp_is_added_after_privilege()
    {
        var text = AmiEventFormatter.Format(new AmiEvent("Test", Manager.Config.AmiClass.System, [new("A", "1")]), DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123));
        Assert.StartsWith("Event: Test\r\nPrivilege: system,all\r\nTimestamp: 1700000000.123000\r\nA: 1\r\n", text);
    }

    private static ContactBinding Contact() => new()
    {
        Aor = "alice", Uri = "sip:alice@10.0.0.5:5060", RegisteredUri = "sip:alice@10.0.0.5:5060", Endpoint = "alice",
        ExpiresAt = DateTimeOffset.UnixEpoch, CallId = "c", CSeq = 1, TransportName = "udp", Protocol = "UDP",
        Source = new IPEndPoint(IPAddress.Parse("10.0.0.5"), 5060),
    };

    [Theory]
    [InlineData(ContactChange.Created, ContactStatus.Unknown, "Created")]
    [InlineData(ContactChange.Removed, ContactStatus.Unknown, "Removed")]
    [InlineData(ContactChange.Expired, ContactStatus.Unknown, "Removed")]
    [InlineData(ContactChange.Updated, ContactStatus.Unknown, "Updated")]
    [InlineData(ContactChange.StatusChanged, ContactStatus.Reachable, "Reachable")]
    [InlineData(ContactChange.StatusChanged, ContactStatus.Unreachable, "Unreachable")]
    public void Contact_changes_become_contact_status(ContactChange change, ContactStatus status, string expected)
    {
        var evt = AmiEventFormatter.ContactStatus(new ContactChanged(change, Contact(), new ContactStatusInfo(status, TimeSpan.FromMilliseconds(12))))!;
        Assert.Equal("ContactStatus", evt.Name);
        Assert.Contains(new KeyValuePair<string, string>("ContactStatus", expected), evt.Fields);
        Assert.Contains(new KeyValuePair<string, string>("AOR", "alice"), evt.Fields);
        Assert.Contains(new KeyValuePair<string, string>("EndpointName", "alice"), evt.Fields);
        Assert.Contains(new KeyValuePair<string, string>("RoundtripUsec", "12000"), evt.Fields);
    }

    [Fact]
    public void Qualify_result_becomes_peer_status()
    {
        var evt = AmiEventFormatter.PeerStatus(new ContactChanged(ContactChange.StatusChanged, Contact(), new ContactStatusInfo(ContactStatus.Unreachable, null)))!;
        Assert.Contains(new KeyValuePair<string, string>("Peer", "PJSIP/alice"), evt.Fields);
        Assert.Contains(new KeyValuePair<string, string>("PeerStatus", "Unreachable"), evt.Fields);
        Assert.Null(AmiEventFormatter.PeerStatus(new ContactChanged(ContactChange.Created, Contact(), default)));
    }
}
