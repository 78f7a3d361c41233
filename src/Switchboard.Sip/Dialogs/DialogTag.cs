using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Sip.Dialogs;

/// <summary>Local tags for From/To (RFC 3261 §19.3: globally unique, at least 32 bits of randomness).</summary>
public static class DialogTag
{
    /// <summary>Length of a generated tag.</summary>
    public const int Length = 16;

    private static ReadOnlySpan<byte> Alphabet => "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-."u8;

    /// <summary>Writes a new random tag (96 bits of entropy) into <paramref name="destination"/>.</summary>
    public static int Write(Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Length, nameof(destination));
        Span<byte> random = stackalloc byte[Length];
        RandomNumberGenerator.Fill(random);
        for (int i = 0; i < Length; i++)
        {
            destination[i] = Alphabet[random[i] & 63];
        }

        return Length;
    }

    /// <summary>A new tag as bytes.</summary>
    public static byte[] NewBytes()
    {
        byte[] b = new byte[Length];
        Write(b);
        return b;
    }

    /// <summary>A new tag as a string.</summary>
    public static string NewString() => Encoding.ASCII.GetString(NewBytes());
}
