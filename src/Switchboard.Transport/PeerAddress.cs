using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Switchboard.Transport;

/// <summary>
/// An IP address and port as a plain value (no heap object): IPv4 or IPv6, IPv4-mapped IPv6 normalised to IPv4.
/// Used as dictionary key (connection reuse), for the admission filter and for Via received/rport.
/// </summary>
public readonly struct PeerAddress : IEquatable<PeerAddress>
{
    private const ulong MappedPrefixLow = 0x0000_FFFF_0000_0000UL;

    // The address as 16 network-order bytes split in two big-endian halves; IPv4 is stored as ::ffff:a.b.c.d.
    private readonly ulong _high;
    private readonly ulong _low;
    private readonly uint _scopeId;
    private readonly ushort _port;
    private readonly bool _isIPv6;

    private PeerAddress(ulong high, ulong low, ushort port, bool isIPv6, uint scopeId)
    {
        _high = high;
        _low = low;
        _port = port;
        _isIPv6 = isIPv6;
        _scopeId = scopeId;
    }

    /// <summary>True for the default value (no address).</summary>
    public bool IsEmpty => _high == 0 && _low == 0 && _port == 0 && !_isIPv6;

    public bool IsIPv4 => !_isIPv6;

    public AddressFamily AddressFamily => _isIPv6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork;

    public int Port => _port;

    /// <summary>IPv6 scope (interface index) of a link-local address; 0 otherwise.</summary>
    public uint ScopeId => _scopeId;

    /// <summary>Length of the raw address: 4 (IPv4) or 16 (IPv6).</summary>
    public int AddressLength => _isIPv6 ? 16 : 4;

    public static PeerAddress FromIPv4(ReadOnlySpan<byte> address, int port)
    {
        if (address.Length != 4)
        {
            throw new ArgumentException("An IPv4 address has 4 bytes.", nameof(address));
        }

        return new PeerAddress(0, MappedPrefixLow | BinaryPrimitives.ReadUInt32BigEndian(address), CheckPort(port), false, 0);
    }

    /// <summary>From 16 address bytes; an IPv4-mapped address becomes IPv4.</summary>
    public static PeerAddress FromIPv6(ReadOnlySpan<byte> address, int port, uint scopeId = 0)
    {
        if (address.Length != 16)
        {
            throw new ArgumentException("An IPv6 address has 16 bytes.", nameof(address));
        }

        ulong high = BinaryPrimitives.ReadUInt64BigEndian(address);
        ulong low = BinaryPrimitives.ReadUInt64BigEndian(address[8..]);
        bool mapped = high == 0 && (low & 0xFFFF_FFFF_0000_0000UL) == MappedPrefixLow;
        return new PeerAddress(high, low, CheckPort(port), !mapped, mapped ? 0 : scopeId);
    }

    public static PeerAddress FromIPAddress(IPAddress address, int port)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out int written))
        {
            throw new ArgumentException("Unsupported address.", nameof(address));
        }

        return written == 4
            ? FromIPv4(bytes[..4], port)
            : FromIPv6(bytes, port, (uint)address.ScopeId);
    }

    public static PeerAddress FromEndPoint(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        return FromIPAddress(endPoint.Address, endPoint.Port);
    }

    /// <summary>Same address with another port.</summary>
    public PeerAddress WithPort(int port) => new(_high, _low, CheckPort(port), _isIPv6, _scopeId);

    /// <summary>Writes the raw address (4 or 16 bytes, the admission filter's format) and returns its length.</summary>
    public int WriteAddressBytes(Span<byte> destination)
    {
        if (_isIPv6)
        {
            BinaryPrimitives.WriteUInt64BigEndian(destination, _high);
            BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _low);
            return 16;
        }

        BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)_low);
        return 4;
    }

    /// <summary>Writes 16 bytes; IPv4 as IPv4-mapped IPv6 (for dual-mode sockets).</summary>
    public void WriteIPv6Bytes(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _high);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _low);
    }

    public IPAddress ToIPAddress()
    {
        Span<byte> bytes = stackalloc byte[16];
        int length = WriteAddressBytes(bytes);
        return length == 4 ? new IPAddress(bytes[..4]) : new IPAddress(bytes, _scopeId);
    }

    public IPEndPoint ToEndPoint() => new(ToIPAddress(), _port);

    /// <summary>Formats the address without port (<c>192.0.2.1</c>, <c>2001:db8::1</c>) as UTF-8.</summary>
    public bool TryFormatAddress(Span<byte> utf8Destination, out int bytesWritten)
    {
        if (_isIPv6)
        {
            return ToIPAddress().TryFormat(utf8Destination, out bytesWritten);
        }

        bytesWritten = 0;
        uint v4 = (uint)_low;
        for (int i = 3; i >= 0; i--)
        {
            byte octet = (byte)(v4 >> (i * 8));
            if (!octet.TryFormat(utf8Destination[bytesWritten..], out int n))
            {
                bytesWritten = 0;
                return false;
            }

            bytesWritten += n;
            if (i > 0)
            {
                if (bytesWritten >= utf8Destination.Length)
                {
                    bytesWritten = 0;
                    return false;
                }

                utf8Destination[bytesWritten++] = (byte)'.';
            }
        }

        return true;
    }

    /// <summary><c>1.2.3.4:5060</c> or <c>[::1]:5060</c>.</summary>
    public override string ToString()
    {
        var address = ToIPAddress().ToString();
        return _isIPv6 ? $"[{address}]:{_port}" : $"{address}:{_port}";
    }

    public bool Equals(PeerAddress other) =>
        _high == other._high && _low == other._low && _port == other._port && _isIPv6 == other._isIPv6 &&
        _scopeId == other._scopeId;

    public override bool Equals(object? obj) => obj is PeerAddress other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_high, _low, _port, _scopeId);

    public static bool operator ==(PeerAddress left, PeerAddress right) => left.Equals(right);

    public static bool operator !=(PeerAddress left, PeerAddress right) => !left.Equals(right);

    private static ushort CheckPort(int port)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        return (ushort)port;
    }
}
