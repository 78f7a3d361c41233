using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Switchboard.Transport;

/// <summary>
/// Reads and writes <see cref="SocketAddress"/> (the raw sockaddr the receive loop reuses) without allocating.
/// Layout: sockaddr_in = family(2) port(2, network order) addr(4); sockaddr_in6 = family(2) port(2) flowinfo(4)
/// addr(16) scope_id(4, host order).
/// </summary>
internal static class SocketAddressCodec
{
    public const int IPv4Size = 16;
    public const int IPv6Size = 28;

    public static bool TryRead(SocketAddress socketAddress, out PeerAddress peer)
    {
        var raw = socketAddress.Buffer.Span[..socketAddress.Size];
        switch (socketAddress.Family)
        {
            case AddressFamily.InterNetwork when raw.Length >= 8:
                peer = PeerAddress.FromIPv4(raw.Slice(4, 4), BinaryPrimitives.ReadUInt16BigEndian(raw[2..]));
                return true;
            case AddressFamily.InterNetworkV6 when raw.Length >= 24:
                uint scope = raw.Length >= IPv6Size ? MemoryMarshal.Read<uint>(raw[24..]) : 0;
                peer = PeerAddress.FromIPv6(raw.Slice(8, 16), BinaryPrimitives.ReadUInt16BigEndian(raw[2..]), scope);
                return true;
            default:
                peer = default;
                return false;
        }
    }

    /// <summary>
    /// Fills <paramref name="socketAddress"/> (created for the socket's family) with <paramref name="peer"/>; an
    /// IPv4 peer on an IPv6 socket is written IPv4-mapped. False when the families cannot meet.
    /// </summary>
    public static bool TryWrite(in PeerAddress peer, SocketAddress socketAddress)
    {
        var raw = socketAddress.Buffer.Span;
        if (socketAddress.Family == AddressFamily.InterNetwork)
        {
            if (!peer.IsIPv4)
            {
                return false;
            }

            socketAddress.Size = IPv4Size;
            BinaryPrimitives.WriteUInt16BigEndian(raw[2..], (ushort)peer.Port);
            peer.WriteAddressBytes(raw.Slice(4, 4));
            raw.Slice(8, 8).Clear();
            return true;
        }

        if (socketAddress.Family == AddressFamily.InterNetworkV6)
        {
            socketAddress.Size = IPv6Size;
            BinaryPrimitives.WriteUInt16BigEndian(raw[2..], (ushort)peer.Port);
            raw.Slice(4, 4).Clear();
            peer.WriteIPv6Bytes(raw.Slice(8, 16));
            uint scope = peer.ScopeId;
            MemoryMarshal.Write(raw[24..], in scope);
            return true;
        }

        return false;
    }
}
