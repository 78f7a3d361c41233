using System.Buffers;
using System.Security.Cryptography;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Auth;

/// <summary>Digest hashing helpers: H(data) as lowercase hex, algorithm names, concatenation without allocation.</summary>
internal static class DigestHash
{
    public const int MaxHexLength = 64;

    public static DigestAlgorithm Parse(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty || SipAscii.EqualsIgnoreCase(name, "MD5"u8))
        {
            return DigestAlgorithm.Md5;
        }

        if (SipAscii.EqualsIgnoreCase(name, "MD5-sess"u8))
        {
            return DigestAlgorithm.Md5Sess;
        }

        if (SipAscii.EqualsIgnoreCase(name, "SHA-256"u8))
        {
            return DigestAlgorithm.Sha256;
        }

        return SipAscii.EqualsIgnoreCase(name, "SHA-256-sess"u8) ? DigestAlgorithm.Sha256Sess : DigestAlgorithm.Unknown;
    }

    public static ReadOnlySpan<byte> Name(DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Md5 => "MD5"u8,
        DigestAlgorithm.Md5Sess => "MD5-sess"u8,
        DigestAlgorithm.Sha256 => "SHA-256"u8,
        DigestAlgorithm.Sha256Sess => "SHA-256-sess"u8,
        _ => default,
    };

    public static bool IsSha256(DigestAlgorithm a) => a is DigestAlgorithm.Sha256 or DigestAlgorithm.Sha256Sess;

    public static bool IsSess(DigestAlgorithm a) => a is DigestAlgorithm.Md5Sess or DigestAlgorithm.Sha256Sess;

    public static int HexLength(DigestAlgorithm a) => IsSha256(a) ? 64 : 32;

    /// <summary>Writes lowercase hex of H(p0 ':' p1 ':' ... ) into <paramref name="hex"/>; returns the hex length.</summary>
    public static int HashJoined(DigestAlgorithm algorithm, Span<byte> hex, ReadOnlySpan<byte> p0, ReadOnlySpan<byte> p1,
        ReadOnlySpan<byte> p2 = default, ReadOnlySpan<byte> p3 = default, ReadOnlySpan<byte> p4 = default, ReadOnlySpan<byte> p5 = default, int parts = 2)
    {
        int length = p0.Length + p1.Length + p2.Length + p3.Length + p4.Length + p5.Length + parts - 1;
        byte[]? rented = null;
        Span<byte> buffer = length <= 1024 ? stackalloc byte[1024] : (rented = ArrayPool<byte>.Shared.Rent(length));
        int n = 0;
        Append(buffer, ref n, p0);
        Append(buffer, ref n, ":"u8);
        Append(buffer, ref n, p1);
        if (parts > 2)
        {
            Append(buffer, ref n, ":"u8);
            Append(buffer, ref n, p2);
        }

        if (parts > 3)
        {
            Append(buffer, ref n, ":"u8);
            Append(buffer, ref n, p3);
        }

        if (parts > 4)
        {
            Append(buffer, ref n, ":"u8);
            Append(buffer, ref n, p4);
        }

        if (parts > 5)
        {
            Append(buffer, ref n, ":"u8);
            Append(buffer, ref n, p5);
        }

        int written = Hash(algorithm, buffer[..n], hex);
        if (rented is not null)
        {
            CryptographicOperations.ZeroMemory(rented.AsSpan(0, n));
            ArrayPool<byte>.Shared.Return(rented);
        }
        else
        {
            CryptographicOperations.ZeroMemory(buffer[..n]);
        }

        return written;
    }

    public static int Hash(DigestAlgorithm algorithm, ReadOnlySpan<byte> data, Span<byte> hex)
    {
        Span<byte> digest = stackalloc byte[32];
        int size = IsSha256(algorithm) ? SHA256.HashData(data, digest) : MD5.HashData(data, digest);
        ToHex(digest[..size], hex);
        return size * 2;
    }

    public static void ToHex(ReadOnlySpan<byte> bytes, Span<byte> hex)
    {
        ReadOnlySpan<byte> digits = "0123456789abcdef"u8;
        for (int i = 0; i < bytes.Length; i++)
        {
            hex[2 * i] = digits[bytes[i] >> 4];
            hex[(2 * i) + 1] = digits[bytes[i] & 0xF];
        }
    }

    /// <summary>Constant-time comparison of two hex strings, ignoring letter case.</summary>
    public static bool HexEquals(ReadOnlySpan<byte> expectedLower, ReadOnlySpan<byte> received)
    {
        if (received.Length != expectedLower.Length || received.Length > MaxHexLength)
        {
            return false;
        }

        Span<byte> lower = stackalloc byte[MaxHexLength];
        for (int i = 0; i < received.Length; i++)
        {
            lower[i] = SipAscii.ToLower(received[i]);
        }

        return CryptographicOperations.FixedTimeEquals(expectedLower, lower[..received.Length]);
    }

    private static void Append(Span<byte> buffer, ref int n, ReadOnlySpan<byte> part)
    {
        part.CopyTo(buffer[n..]);
        n += part.Length;
    }
}
