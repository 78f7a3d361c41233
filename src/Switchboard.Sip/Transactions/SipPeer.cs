using System.Net;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// Where a message came from or goes to, as the transaction layer sees it: the transport protocol, the remote
/// address, the name of the local transport (e.g. <c>transport-udp</c>) and, for connection-oriented transports,
/// the id of the connection to reuse (0 = any / open one).
/// </summary>
public readonly record struct SipPeer(SipTransportProtocol Protocol, IPEndPoint Remote, string? LocalTransport = null, long ConnectionId = 0)
{
    /// <summary>True for TCP, TLS, WS and WSS: no retransmission timers (RFC 3261 §17).</summary>
    public bool IsReliable => Protocol != SipTransportProtocol.Udp;

    /// <summary>True for TLS and WSS.</summary>
    public bool IsSecure => Protocol is SipTransportProtocol.Tls or SipTransportProtocol.Wss;

    /// <summary>The Via transport token for <see cref="Protocol"/> (<c>UDP</c>, <c>TCP</c>, <c>TLS</c>, <c>WS</c>, <c>WSS</c>).</summary>
    public ReadOnlySpan<byte> ViaTransport => Protocol switch
    {
        SipTransportProtocol.Tcp => "TCP"u8,
        SipTransportProtocol.Tls => "TLS"u8,
        SipTransportProtocol.Ws => "WS"u8,
        SipTransportProtocol.Wss => "WSS"u8,
        _ => "UDP"u8,
    };
}
