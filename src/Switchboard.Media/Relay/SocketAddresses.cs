using System.Net;
using System.Net.Sockets;

namespace Switchboard.Media.Relay;

/// <summary>Allocation-free helpers for <see cref="SocketAddress"/> (the raw sockaddr the receive loop fills).</summary>
public static class SocketAddresses
{
    /// <summary>A new copy of <paramref name="source"/> (allocates; call only when a source is learned).</summary>
    public static SocketAddress Copy(SocketAddress source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var copy = new SocketAddress(source.Family, source.Size);
        source.Buffer.Span[..source.Size].CopyTo(copy.Buffer.Span);
        return copy;
    }

    /// <summary>True when both hold the same family, address and port.</summary>
    public static bool Same(SocketAddress? a, SocketAddress? b) =>
        a is not null && b is not null && a.Size == b.Size && a.Buffer.Span[..a.Size].SequenceEqual(b.Buffer.Span[..b.Size]);

    /// <summary>True when both hold the same IP address (any port).</summary>
    public static bool SameHost(SocketAddress? a, SocketAddress? b)
    {
        if (a is null || b is null || a.Family != b.Family)
        {
            return false;
        }

        // sockaddr_in: family(2) port(2) addr(4); sockaddr_in6: family(2) port(2) flowinfo(4) addr(16).
        var (offset, length) = a.Family == AddressFamily.InterNetworkV6 ? (8, 16) : (4, 4);
        if (a.Size < offset + length || b.Size < offset + length)
        {
            return false;
        }

        return a.Buffer.Span.Slice(offset, length).SequenceEqual(b.Buffer.Span.Slice(offset, length));
    }

    /// <summary>Converts an endpoint for sending from a socket of <paramref name="family"/> (IPv4 → v4-mapped IPv6 for dual-mode sockets).</summary>
    public static SocketAddress ForSocket(IPEndPoint endPoint, AddressFamily family)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        if (family == AddressFamily.InterNetworkV6 && endPoint.AddressFamily == AddressFamily.InterNetwork)
        {
            endPoint = new IPEndPoint(endPoint.Address.MapToIPv6(), endPoint.Port);
        }
        else if (family == AddressFamily.InterNetwork && endPoint.Address.IsIPv4MappedToIPv6)
        {
            endPoint = new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port);
        }

        return endPoint.Serialize();
    }

    /// <summary>For logs and statistics (allocates).</summary>
    public static IPEndPoint? ToEndPoint(SocketAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        var template = address.Family == AddressFamily.InterNetworkV6 ? new IPEndPoint(IPAddress.IPv6Any, 0) : new IPEndPoint(IPAddress.Any, 0);
        return (IPEndPoint)template.Create(address);
    }
}
