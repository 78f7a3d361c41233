using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Switchboard.Transport;

namespace Switchboard.Core.Sip;

/// <summary>
/// The address to put in Via/Contact for a destination: the transport's bind address when it is specific, else
/// the local address the kernel would use to reach the destination (found with a connected UDP socket, cached).
/// </summary>
public static class LocalAddressResolver
{
    private static readonly ConcurrentDictionary<IPAddress, IPAddress> Cache = new();

    public static IPAddress For(LocalTransportInfo local, IPAddress remote)
    {
        var bound = local.EndPoint.Address;
        if (!bound.Equals(IPAddress.Any) && !bound.Equals(IPAddress.IPv6Any))
        {
            return bound.IsIPv4MappedToIPv6 ? bound.MapToIPv4() : bound;
        }

        return Cache.GetOrAdd(remote, static r =>
        {
            try
            {
                using var s = new Socket(r.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
                s.Connect(new IPEndPoint(r, 9));
                return ((IPEndPoint)s.LocalEndPoint!).Address;
            }
            catch (SocketException)
            {
                return r.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;
            }
        });
    }

    public static string HostText(IPAddress address) => address.AddressFamily == AddressFamily.InterNetworkV6 ? "[" + address + "]" : address.ToString();
}
