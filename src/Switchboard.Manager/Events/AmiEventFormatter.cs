using System.Globalization;
using Switchboard.Core.Events;
using Switchboard.Core.Pjsip.Location;
using Switchboard.Manager.Config;
using Switchboard.Manager.Protocol;

namespace Switchboard.Manager.Events;

/// <summary>Turns bus records into AMI events with Asterisk's names and fields.</summary>
public static class AmiEventFormatter
{
    /// <summary>The text sent on the wire: Event, Privilege, optional Timestamp, then the fields.</summary>
    public static string Format(AmiEvent evt, DateTimeOffset? timestamp)
    {
        var m = AmiMessage.Event(evt.Name).Add("Privilege", AmiClasses.Privilege(evt.Class));
        if (timestamp is { } ts)
        {
            m.Add("Timestamp", Timestamp(ts));
        }

        foreach (var f in evt.Fields)
        {
            m.Add(f.Key, f.Value);
        }

        return m.ToString();
    }

    /// <summary>Seconds since the epoch with microseconds, as Asterisk prints Timestamp.</summary>
    public static string Timestamp(DateTimeOffset time)
    {
        long micros = (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        return (micros / 1_000_000).ToString(CultureInfo.InvariantCulture) + "." + (micros % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>EventTV as Asterisk prints it: <c>2024-05-01T12:00:00.123456+0000</c>.</summary>
    public static string EventTv(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "+0000";

    public static AmiEvent Security(SecurityEvent e)
    {
        var fields = new List<KeyValuePair<string, string>>(10 + e.Fields.Count)
        {
            new("EventTV", EventTv(e.Time)),
            new("Severity", e.Severity),
            new("Service", e.Service),
            new("EventVersion", e.EventVersion.ToString(CultureInfo.InvariantCulture)),
            new("AccountID", e.AccountId),
            new("SessionID", e.SessionId),
            new("LocalAddress", e.LocalAddress.ToString()),
            new("RemoteAddress", e.RemoteAddress.ToString()),
        };
        fields.AddRange(e.Fields);
        return new AmiEvent(e.Type.ToString(), AmiClass.Security, fields);
    }

    /// <summary>ContactStatus for a contact change, or null when the change has no AMI counterpart.</summary>
    public static AmiEvent? ContactStatus(ContactChanged e)
    {
        string? status = e.Change switch
        {
            ContactChange.Created => "Created",
            ContactChange.Removed or ContactChange.Expired => "Removed",
            ContactChange.Updated => "Updated",
            ContactChange.StatusChanged => e.Status.Status switch
            {
                Core.Pjsip.Location.ContactStatus.Reachable => "Reachable",
                Core.Pjsip.Location.ContactStatus.Unreachable => "Unreachable",
                _ => null,
            },
            _ => null,
        };
        if (status is null)
        {
            return null;
        }

        var rtt = e.Status.RoundTrip is { } r ? ((long)(r.Ticks / 10)).ToString(CultureInfo.InvariantCulture) : "0";
        return new AmiEvent("ContactStatus", AmiClass.System,
        [
            new("URI", e.Contact.Uri),
            new("ContactStatus", status),
            new("AOR", e.Contact.Aor),
            new("EndpointName", e.Contact.Endpoint),
            new("RoundtripUsec", rtt),
        ]);
    }

    /// <summary>PeerStatus for a qualify result (Reachable/Unreachable), or null.</summary>
    public static AmiEvent? PeerStatus(ContactChanged e)
    {
        if (e.Change != ContactChange.StatusChanged)
        {
            return null;
        }

        string? status = e.Status.Status switch
        {
            Core.Pjsip.Location.ContactStatus.Reachable => "Reachable",
            Core.Pjsip.Location.ContactStatus.Unreachable => "Unreachable",
            _ => null,
        };
        return status is null ? null : new AmiEvent("PeerStatus", AmiClass.System,
        [
            new("ChannelType", "PJSIP"),
            new("Peer", "PJSIP/" + e.Contact.Endpoint),
            new("PeerStatus", status),
        ]);
    }

    public static AmiEvent Channel(ChannelEvent e) => new(e.Name, AmiClass.Call, e.Fields);
}
