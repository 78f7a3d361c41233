using System.Runtime.CompilerServices;

namespace Switchboard.Sip.Parsing;

/// <summary>ASCII character classes and small span helpers for the SIP grammar (RFC 3261 §25.1).</summary>
internal static class SipAscii
{
    public const byte Cr = (byte)'\r';
    public const byte Lf = (byte)'\n';
    public const byte Sp = (byte)' ';
    public const byte Tab = (byte)'\t';

    // bit 0: token char, bit 1: whitespace (SP/HT), bit 2: digit, bit 3: hex digit, bit 4: unreserved (URI)
    private static ReadOnlySpan<byte> Classes => new byte[]
    {
        0,0,0,0,0,0,0,0,0,2,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
        // SP ! " # $ % & ' ( ) * + , - . /
        2,17,0,0,0,1,0,17,16,16,17,1,0,17,17,0,
        // 0-9 : ; < = > ?
        29,29,29,29,29,29,29,29,29,29,0,0,0,0,0,0,
        // @ A-O
        0,25,25,25,25,25,25,17,17,17,17,17,17,17,17,17,
        // P-Z [ \ ] ^ _
        17,17,17,17,17,17,17,17,17,17,17,0,0,0,0,17,
        // ` a-o
        1,25,25,25,25,25,25,17,17,17,17,17,17,17,17,17,
        // p-z { | } ~ DEL
        17,17,17,17,17,17,17,17,17,17,17,0,0,0,17,0,
        0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
        0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
        0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
        0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsToken(byte b) => (Classes[b] & 1) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWsp(byte b) => b == Sp || b == Tab;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsHex(byte b) => (Classes[b] & 8) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsUnreserved(byte b) => (Classes[b] & 16) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAlpha(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte ToLower(byte b) => (uint)(b - 'A') <= 'Z' - 'A' ? (byte)(b | 0x20) : b;

    public static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;

    /// <summary>True when every byte is a token character and the span is not empty.</summary>
    public static bool IsTokenSpan(ReadOnlySpan<byte> s)
    {
        if (s.IsEmpty)
        {
            return false;
        }

        foreach (byte b in s)
        {
            if (!IsToken(b))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>ASCII case-insensitive equality.</summary>
    public static bool EqualsIgnoreCase(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i] && ToLower(a[i]) != ToLower(b[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for linear white space: SP, HT, CR, LF (folded lines count as white space).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLws(byte b) => b == Sp || b == Tab || b == Cr || b == Lf;

    /// <summary>Removes leading and trailing LWS (including folded line breaks).</summary>
    public static ReadOnlySpan<byte> TrimLws(ReadOnlySpan<byte> s)
    {
        int start = 0;
        while (start < s.Length && IsLws(s[start]))
        {
            start++;
        }

        int end = s.Length;
        while (end > start && IsLws(s[end - 1]))
        {
            end--;
        }

        return s[start..end];
    }

    /// <summary>Offsets of <see cref="TrimLws"/> within <paramref name="s"/>.</summary>
    public static (int Start, int Length) TrimLwsRange(ReadOnlySpan<byte> s)
    {
        int start = 0;
        while (start < s.Length && IsLws(s[start]))
        {
            start++;
        }

        int end = s.Length;
        while (end > start && IsLws(s[end - 1]))
        {
            end--;
        }

        return (start, end - start);
    }

    /// <summary>Index of the first LWS-skipped byte at or after <paramref name="i"/>.</summary>
    public static int SkipLws(ReadOnlySpan<byte> s, int i)
    {
        while (i < s.Length && IsLws(s[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>Parses a non-negative decimal that fits in a long; rejects empty, signs, and overflow.</summary>
    public static bool TryParseUInt64(ReadOnlySpan<byte> s, out ulong value)
    {
        value = 0;
        if (s.IsEmpty || s.Length > 20)
        {
            return false;
        }

        foreach (byte b in s)
        {
            if (!IsDigit(b))
            {
                return false;
            }

            ulong next = value * 10 + (ulong)(b - '0');
            if (next / 10 != value)
            {
                return false;
            }

            value = next;
        }

        return true;
    }

    /// <summary>Parses a non-negative decimal bounded by <paramref name="max"/>.</summary>
    public static bool TryParseBounded(ReadOnlySpan<byte> s, uint max, out uint value)
    {
        value = 0;
        if (!TryParseUInt64(s, out ulong v) || v > max)
        {
            return false;
        }

        value = (uint)v;
        return true;
    }

    /// <summary>
    /// Index of <paramref name="target"/> in <paramref name="s"/> outside double quotes (with backslash escapes)
    /// and outside angle brackets; -1 when absent.
    /// </summary>
    public static int IndexOfUnquoted(ReadOnlySpan<byte> s, byte target, int start = 0)
    {
        bool quoted = false;
        int angle = 0;
        for (int i = start; i < s.Length; i++)
        {
            byte b = s[i];
            if (quoted)
            {
                if (b == '\\')
                {
                    i++;
                }
                else if (b == '"')
                {
                    quoted = false;
                }

                continue;
            }

            if (b == '"')
            {
                quoted = true;
            }
            else if (b == '<')
            {
                angle++;
            }
            else if (b == '>' && angle > 0)
            {
                angle--;
            }
            else if (b == target && angle == 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Writes the decimal digits of <paramref name="value"/>; returns the count written.</summary>
    public static int FormatUInt(ulong value, Span<byte> dest)
    {
        Span<byte> tmp = stackalloc byte[20];
        int n = 0;
        do
        {
            tmp[n++] = (byte)('0' + (int)(value % 10));
            value /= 10;
        }
        while (value != 0);

        for (int i = 0; i < n; i++)
        {
            dest[i] = tmp[n - 1 - i];
        }

        return n;
    }
}
