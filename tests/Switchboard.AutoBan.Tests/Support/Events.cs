using System.Net;
using Switchboard.Core.Events;

namespace Switchboard.AutoBan.Tests.Support;

internal static class Events
{
    public static SecurityEvent Security(SecurityEventType type, string remote, string service = "PJSIP", string account = "alice")
        => new(
            type,
            DateTimeOffset.UnixEpoch,
            service,
            account,
            "session-1",
            new TransportAddress(new IPEndPoint(IPAddress.Loopback, 5060), "UDP"),
            new TransportAddress(new IPEndPoint(IPAddress.Parse(remote), 5062), "UDP"),
            []);
}
