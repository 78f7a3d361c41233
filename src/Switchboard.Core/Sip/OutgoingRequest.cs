using System.Globalization;
using System.Net;
using System.Text;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;
using Switchboard.Transport;

namespace Switchboard.Core.Sip;

/// <summary>
/// Writes a new out-of-dialog request originated by the PBX (OPTIONS qualify, REGISTER to a trunk, MESSAGE,
/// INVITE legs): Via with our address and a fresh branch, Max-Forwards, From/To/Call-ID/CSeq, Contact,
/// User-Agent, extra headers and the body.
/// </summary>
public sealed class OutgoingRequest
{
    public required SipMethod Method { get; init; }

    public required string RequestUri { get; init; }

    public required string FromUri { get; init; }

    public string? FromDisplay { get; init; }

    public string FromTag { get; init; } = SipTags.NewString();

    public required string ToUri { get; init; }

    public string? ToDisplay { get; init; }

    public string? ToTag { get; init; }

    public string CallId { get; init; } = SipTags.NewCallId();

    public long CSeq { get; init; } = 1;

    /// <summary>User part of our Contact; null writes no Contact.</summary>
    public string? ContactUser { get; init; }

    public List<KeyValuePair<string, string>> Headers { get; } = [];

    /// <summary>Complete header lines (each ending in CRLF) written as they are, e.g. an Authorization header.</summary>
    public ReadOnlyMemory<byte> RawHeaderLines { get; set; }

    public string? ContentType { get; init; }

    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>Writes the request for <paramref name="peer"/> over <paramref name="local"/>; returns the branch used.</summary>
    public string Write(PooledBufferWriter buffer, LocalTransportInfo local, in SipPeer peer, string userAgent, IPAddress? advertised = null)
    {
        var host = LocalAddressResolver.HostText(advertised ?? LocalAddressResolver.For(local, peer.Remote.Address));
        var port = local.EndPoint.Port.ToString(CultureInfo.InvariantCulture);
        var branch = SipBranch.NewString();
        var w = new SipMessageWriter(buffer);
        w.WriteRequestLine(Method, Encoding.UTF8.GetBytes(RequestUri));
        w.WriteHeader("Via", "SIP/2.0/" + Encoding.ASCII.GetString(peer.ViaTransport) + " " + host + ":" + port + ";rport;branch=" + branch);
        w.WriteHeader("Max-Forwards", "70");
        w.WriteHeader("From", NameAddr(FromDisplay, FromUri) + ";tag=" + FromTag);
        w.WriteHeader("To", NameAddr(ToDisplay, ToUri) + (ToTag is null ? string.Empty : ";tag=" + ToTag));
        if (ContactUser is not null)
        {
            var transport = peer.Protocol == SipTransportProtocol.Udp ? string.Empty : ";transport=" + Encoding.ASCII.GetString(peer.ViaTransport).ToLowerInvariant();
            w.WriteHeader("Contact", "<sip:" + (ContactUser.Length > 0 ? ContactUser + "@" : string.Empty) + host + ":" + port + transport + ">");
        }

        w.WriteHeader("Call-ID", CallId);
        w.WriteHeader("CSeq", CSeq.ToString(CultureInfo.InvariantCulture) + " " + SipMethods.ToName(Method));
        w.WriteHeader("User-Agent", userAgent);
        foreach (var (name, value) in Headers)
        {
            w.WriteHeader(name, value);
        }

        if (!RawHeaderLines.IsEmpty)
        {
            w.WriteRaw(RawHeaderLines.Span);
        }

        if (ContentType is not null)
        {
            w.WriteBody(Encoding.ASCII.GetBytes(ContentType), Body.Span);
        }
        else
        {
            w.WriteEnd();
        }

        return branch;
    }

    private static string NameAddr(string? display, string uri)
        => string.IsNullOrEmpty(display) ? "<" + uri + ">" : "\"" + display.Replace("\"", "\\\"") + "\" <" + uri + ">";
}
