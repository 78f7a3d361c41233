using Switchboard.Sip.Transactions;
using Switchboard.Transport;

namespace Switchboard.Core.Sip;

/// <summary>Conversions between the transport's peer types and the SIP layer's <see cref="SipPeer"/>.</summary>
public static class SipPeers
{
    public static SipTransportProtocol ToSip(TransportProtocol protocol) => protocol switch
    {
        TransportProtocol.Tcp => SipTransportProtocol.Tcp,
        TransportProtocol.Tls => SipTransportProtocol.Tls,
        TransportProtocol.Ws => SipTransportProtocol.Ws,
        TransportProtocol.Wss => SipTransportProtocol.Wss,
        _ => SipTransportProtocol.Udp,
    };

    public static TransportProtocol ToTransport(SipTransportProtocol protocol) => protocol switch
    {
        SipTransportProtocol.Tcp => TransportProtocol.Tcp,
        SipTransportProtocol.Tls => TransportProtocol.Tls,
        SipTransportProtocol.Ws => TransportProtocol.Ws,
        SipTransportProtocol.Wss => TransportProtocol.Wss,
        _ => TransportProtocol.Udp,
    };

    public static SipPeer From(in RemotePeer peer, LocalTransportInfo local)
        => new(ToSip(local.Protocol), peer.Address.ToEndPoint(), local.Name, peer.Connection?.Id ?? 0);
}
