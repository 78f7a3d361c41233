using System.Globalization;
using System.Net;
using System.Text;
using Switchboard.Core.Sip;
using Switchboard.Sip.Transactions;
using Switchboard.Transport;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>Our side of a leg's signalling: the transport used to reach the peer, the address we advertise, Via sent-by and Contact.</summary>
internal sealed class LegAddress
{
    private LegAddress(ITransport transport, SipPeer peer, IPAddress advertised)
    {
        Transport = transport;
        Peer = peer with { LocalTransport = transport.Name };
        Advertised = advertised;
        Host = LocalAddressResolver.HostText(advertised);
        Port = transport.Local.EndPoint.Port;
        SentBy = Encoding.ASCII.GetBytes(Host + ":" + Port.ToString(CultureInfo.InvariantCulture));
    }

    public ITransport Transport { get; }

    public SipPeer Peer { get; }

    public IPAddress Advertised { get; }

    public string Host { get; }

    public int Port { get; }

    public byte[] SentBy { get; }

    /// <summary>Address RTP sockets bind to: the transport's address unless it is a wildcard.</summary>
    public IPAddress RtpBind
    {
        get
        {
            var bound = Transport.Local.EndPoint.Address;
            return bound.Equals(IPAddress.Any) || bound.Equals(IPAddress.IPv6Any) ? (Advertised.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any) : Advertised;
        }
    }

    public static LegAddress? For(SipStack stack, SipPeer peer)
    {
        var transport = stack.TransportFor(peer);
        return transport is null ? null : new LegAddress(transport, peer, LocalAddressResolver.For(transport.Local, peer.Remote.Address));
    }

    /// <summary>Our Contact header value for user <paramref name="user"/>.</summary>
    public string Contact(string user)
    {
        var transport = Peer.Protocol == SipTransportProtocol.Udp ? string.Empty : ";transport=" + Encoding.ASCII.GetString(Peer.ViaTransport).ToLowerInvariant();
        return "<sip:" + (user.Length > 0 ? user + "@" : string.Empty) + Host + ":" + Port.ToString(CultureInfo.InvariantCulture) + transport + ">";
    }
}
