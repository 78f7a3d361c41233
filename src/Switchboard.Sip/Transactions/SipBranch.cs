using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// Via branch values for requests this stack originates: the RFC 3261 magic cookie <c>z9hG4bK</c> followed by
/// 16 characters from a per-process random prefix and a counter, unique in space and time (§8.1.1.7).
/// </summary>
public static class SipBranch
{
    /// <summary>The RFC 3261 magic cookie.</summary>
    public static ReadOnlySpan<byte> MagicCookie => "z9hG4bK"u8;

    /// <summary>Length of a generated branch.</summary>
    public const int Length = 7 + 16;

    private static readonly ulong Prefix = CreatePrefix();
    private static long s_counter;

    private static ReadOnlySpan<byte> Alphabet => "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-."u8;

    /// <summary>Writes a new branch into <paramref name="destination"/> (at least <see cref="Length"/> bytes).</summary>
    public static int Write(Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Length, nameof(destination));
        MagicCookie.CopyTo(destination);
        ulong counter = (ulong)Interlocked.Increment(ref s_counter);

        // 6 characters of random per-process prefix (36 bits) + 10 characters of scrambled counter (60 bits)
        ulong p = Prefix;
        for (int i = 0; i < 6; i++)
        {
            destination[7 + i] = Alphabet[(int)(p & 63)];
            p >>= 6;
        }

        ulong c = Scramble(counter);
        for (int i = 0; i < 10; i++)
        {
            destination[13 + i] = Alphabet[(int)(c & 63)];
            c >>= 6;
        }

        return Length;
    }

    /// <summary>A new branch as a string (for the edges and tests).</summary>
    public static string NewString()
    {
        Span<byte> b = stackalloc byte[Length];
        Write(b);
        return Encoding.ASCII.GetString(b);
    }

    // A bijection on 60 bits so consecutive branches do not look sequential.
    private static ulong Scramble(ulong v)
    {
        const ulong mask = (1UL << 60) - 1;
        v &= mask;
        v = (v * 0x9E3779B97F4A7C15UL) & mask;
        v ^= v >> 29;
        return v & mask;
    }

    private static ulong CreatePrefix()
    {
        Span<byte> r = stackalloc byte[8];
        RandomNumberGenerator.Fill(r);
        return BitConverter.ToUInt64(r);
    }
}
