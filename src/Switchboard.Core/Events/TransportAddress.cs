using System.Net;
using System.Net.Sockets;

namespace Switchboard.Core.Events;

/// <summary>An address as Asterisk's security events print it: <c>IPV4/UDP/1.2.3.4/5060</c>.</summary>
public readonly record struct TransportAddress(IPEndPoint EndPoint, string Protocol)
{
    public IPAddress Address => EndPoint.Address;

    public override string ToString()
    {
        var family = EndPoint.AddressFamily == AddressFamily.InterNetworkV6 && !EndPoint.Address.IsIPv4MappedToIPv6 ? "IPV6" : "IPV4";
        var addr = EndPoint.Address.IsIPv4MappedToIPv6 ? EndPoint.Address.MapToIPv4() : EndPoint.Address;
        return $"{family}/{Protocol.ToUpperInvariant()}/{addr}/{EndPoint.Port}";
    }
}
