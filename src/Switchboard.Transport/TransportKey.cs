namespace Switchboard.Transport;

/// <summary>Identity of a running transport by what it is bound to: protocol and local address.</summary>
public readonly record struct TransportKey(TransportProtocol Protocol, PeerAddress LocalAddress)
{
    public static TransportKey Of(ITransport transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        return new TransportKey(transport.Protocol, transport.Local.Address);
    }

    public override string ToString() => $"{Protocol.ToString().ToUpperInvariant()} {LocalAddress}";
}
