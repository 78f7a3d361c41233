using System.Net;

namespace Switchboard.Transport;

/// <summary>The receiving side of a message: which transport (by pjsip.conf name), its protocol and bound address.</summary>
public sealed class LocalTransportInfo
{
    public LocalTransportInfo(ITransport transport, string name, TransportProtocol protocol, IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(endPoint);
        Transport = transport;
        Name = name;
        Protocol = protocol;
        EndPoint = endPoint;
        Address = PeerAddress.FromEndPoint(endPoint);
    }

    /// <summary>The transport to answer through.</summary>
    public ITransport Transport { get; }

    /// <summary>Name of the transport object (pjsip.conf section), e.g. <c>udp</c>.</summary>
    public string Name { get; }

    public TransportProtocol Protocol { get; }

    /// <summary>Bound address (the real port after binding port 0).</summary>
    public IPEndPoint EndPoint { get; }

    public PeerAddress Address { get; }

    /// <summary>True for connection-oriented transports (TCP, TLS, WS, WSS).</summary>
    public bool IsStream => Protocol != TransportProtocol.Udp;

    public override string ToString() => $"{Name} ({Protocol.ToString().ToUpperInvariant()} {EndPoint})";
}
