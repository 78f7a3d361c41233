using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Switchboard.AutoBan.Addressing;

/// <summary>
/// An address AutoBan tracks: an IPv4 address, or an IPv6 address or network (when IPv6 aggregation is on, the
/// key of every IPv6 address is its network of <see cref="PrefixLength"/> bits). Ordered numerically, IPv4 first.
/// </summary>
public readonly struct BanAddress : IEquatable<BanAddress>, IComparable<BanAddress>
{
    private BanAddress(UInt128 value, bool isV6, byte prefixLength)
    {
        Value = value;
        IsV6 = isV6;
        PrefixLength = prefixLength;
    }

    /// <summary>The address bits: the low 32 bits for IPv4, all 128 for IPv6.</summary>
    public UInt128 Value { get; }

    public bool IsV6 { get; }

    /// <summary>32 for IPv4; 128 for a single IPv6 address, less for an aggregated IPv6 network.</summary>
    public byte PrefixLength { get; }

    /// <summary>The IPv4 address as a big-endian-ordered number (only for IPv4).</summary>
    public uint V4 => (uint)Value;

    public static BanAddress FromV4(uint value) => new(value, false, 32);

    /// <summary>An IPv6 key: the address masked to <paramref name="prefixLength"/> bits.</summary>
    public static BanAddress FromV6(UInt128 value, int prefixLength = 128)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(prefixLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixLength, 128);
        return new(value & V6Mask(prefixLength), true, (byte)prefixLength);
    }

    /// <summary>Converts an <see cref="IPAddress"/> (IPv4-mapped IPv6 becomes IPv4).</summary>
    public static bool TryFromIPAddress(IPAddress address, int v6PrefixLength, out BanAddress result)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        Span<byte> bytes = stackalloc byte[16];
        if (address.AddressFamily == AddressFamily.InterNetwork && address.TryWriteBytes(bytes, out _))
        {
            result = FromV4(BinaryPrimitives.ReadUInt32BigEndian(bytes));
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId == 0 && address.TryWriteBytes(bytes, out _))
        {
            result = FromV6(BinaryPrimitives.ReadUInt128BigEndian(bytes), v6PrefixLength);
            return true;
        }

        result = default;
        return false;
    }

    /// <summary>
    /// Parses a dotted-quad IPv4 address or an IPv6 address (no zone, no brackets). IPv6 is masked to
    /// <paramref name="v6PrefixLength"/>; a written prefix (<c>2001:db8::/64</c>) is accepted only when it equals it.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, int v6PrefixLength, out BanAddress result)
    {
        result = default;
        text = text.Trim();
        if (text.IsEmpty || text.Length > 64 || text.Contains('%'))
        {
            return false;
        }

        int slash = text.IndexOf('/');
        if (slash >= 0)
        {
            if (!int.TryParse(text[(slash + 1)..], System.Globalization.NumberStyles.None, null, out int prefix) || prefix != v6PrefixLength)
            {
                return false;
            }

            text = text[..slash];
            if (!text.Contains(':'))
            {
                return false;
            }
        }

        if (!text.Contains(':') && !IsDottedQuad(text))
        {
            return false;
        }

        return IPAddress.TryParse(text, out var ip) && TryFromIPAddress(ip, v6PrefixLength, out result);
    }

    private static bool IsDottedQuad(ReadOnlySpan<char> text)
    {
        int dots = 0, digits = 0;
        foreach (char c in text)
        {
            if (c == '.')
            {
                if (digits == 0)
                {
                    return false;
                }

                dots++;
                digits = 0;
            }
            else if (c is >= '0' and <= '9' && digits < 3)
            {
                digits++;
            }
            else
            {
                return false;
            }
        }

        return dots == 3 && digits > 0;
    }

    internal static UInt128 V6Mask(int prefixLength)
        => prefixLength >= 128 ? UInt128.MaxValue : ~(UInt128.MaxValue >> prefixLength);

    public IPAddress ToIPAddress()
    {
        Span<byte> bytes = stackalloc byte[16];
        if (IsV6)
        {
            BinaryPrimitives.WriteUInt128BigEndian(bytes, Value);
            return new IPAddress(bytes);
        }

        BinaryPrimitives.WriteUInt32BigEndian(bytes, V4);
        return new IPAddress(bytes[..4]);
    }

    /// <summary>The address as nft and the CLI write it (<c>2001:db8::/64</c> for an aggregated network).</summary>
    public override string ToString()
    {
        var text = ToIPAddress().ToString();
        return IsV6 && PrefixLength < 128 ? text + "/" + PrefixLength.ToString(System.Globalization.CultureInfo.InvariantCulture) : text;
    }

    public bool Equals(BanAddress other) => Value == other.Value && IsV6 == other.IsV6 && PrefixLength == other.PrefixLength;

    public override bool Equals(object? obj) => obj is BanAddress other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Value, IsV6, PrefixLength);

    public int CompareTo(BanAddress other)
    {
        if (IsV6 != other.IsV6)
        {
            return IsV6 ? 1 : -1;
        }

        int c = Value.CompareTo(other.Value);
        return c != 0 ? c : PrefixLength.CompareTo(other.PrefixLength);
    }

    public static bool operator ==(BanAddress left, BanAddress right) => left.Equals(right);

    public static bool operator !=(BanAddress left, BanAddress right) => !left.Equals(right);

    public static bool operator <(BanAddress left, BanAddress right) => left.CompareTo(right) < 0;

    public static bool operator >(BanAddress left, BanAddress right) => left.CompareTo(right) > 0;

    public static bool operator <=(BanAddress left, BanAddress right) => left.CompareTo(right) <= 0;

    public static bool operator >=(BanAddress left, BanAddress right) => left.CompareTo(right) >= 0;
}
