using Switchboard.Sip.Headers;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Uris;

/// <summary>URI equivalence per RFC 3261 §19.1.4 (escapes undone, user case-sensitive, the rest case-insensitive).</summary>
public static class SipUriComparer
{
    private static ReadOnlySpan<byte> MustMatchIfPresent => "user\0ttl\0method\0maddr\0transport\0"u8;

    /// <summary>True when the two URIs are equivalent.</summary>
    public static bool AreEquivalent(in SipUri a, in SipUri b)
    {
        if (a.Scheme != b.Scheme)
        {
            return false;
        }

        if (a.Scheme == SipUriScheme.Other)
        {
            return SipAscii.EqualsIgnoreCase(a.SchemeBytes.Span, b.SchemeBytes.Span) && EscapedEquals(a.Opaque.Span, b.Opaque.Span, ignoreCase: false);
        }

        if (a.Scheme == SipUriScheme.Tel)
        {
            return TelNumberEquals(a.User.Span, b.User.Span) && ParametersEquivalent(a.Parameters.Span, b.Parameters.Span, tel: true);
        }

        return EscapedEquals(a.User.Span, b.User.Span, ignoreCase: false)
            && a.HasPassword == b.HasPassword
            && EscapedEquals(a.Password.Span, b.Password.Span, ignoreCase: false)
            && SipAscii.EqualsIgnoreCase(a.Host.Span, b.Host.Span)
            && a.Port == b.Port
            && ParametersEquivalent(a.Parameters.Span, b.Parameters.Span, tel: false)
            && HeadersEquivalent(a.Headers.Span, b.Headers.Span);
    }

    /// <summary>Compares two byte runs after undoing %HH escapes.</summary>
    public static bool EscapedEquals(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, bool ignoreCase)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            byte x = Next(a, ref i);
            byte y = Next(b, ref j);
            if (x != y && !(ignoreCase && SipAscii.ToLower(x) == SipAscii.ToLower(y)))
            {
                return false;
            }
        }

        return i == a.Length && j == b.Length;
    }

    private static byte Next(ReadOnlySpan<byte> s, ref int i)
    {
        byte b = s[i];
        if (b == '%' && i + 2 < s.Length && SipAscii.IsHex(s[i + 1]) && SipAscii.IsHex(s[i + 2]))
        {
            b = (byte)((SipAscii.HexValue(s[i + 1]) << 4) | SipAscii.HexValue(s[i + 2]));
            i += 3;
            return b;
        }

        i++;
        return b;
    }

    private static bool ParametersEquivalent(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, bool tel)
    {
        return OneWay(a, b, tel) && OneWay(b, a, tel);

        static bool OneWay(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y, bool tel)
        {
            int pos = 0;
            while (SipParameters.TryReadNext(x, ref pos, out int ns, out int nl, out int vs, out int vl))
            {
                ReadOnlySpan<byte> name = x.Slice(ns, nl);
                bool found = TryFindEscaped(y, name, out ReadOnlySpan<byte> other);
                if (!found)
                {
                    if (tel || IsMustMatch(name))
                    {
                        return false;
                    }

                    continue;
                }

                if (!EscapedEquals(x.Slice(vs, vl), other, ignoreCase: true))
                {
                    return false;
                }
            }

            return true;
        }
    }

    private static bool TryFindEscaped(ReadOnlySpan<byte> list, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        int pos = 0;
        while (SipParameters.TryReadNext(list, ref pos, out int ns, out int nl, out int vs, out int vl))
        {
            if (EscapedEquals(list.Slice(ns, nl), name, ignoreCase: true))
            {
                value = list.Slice(vs, vl);
                return true;
            }
        }

        value = default;
        return false;
    }

    private static bool IsMustMatch(ReadOnlySpan<byte> name)
    {
        foreach (Range r in MustMatchIfPresent.Split((byte)0))
        {
            ReadOnlySpan<byte> candidate = MustMatchIfPresent[r];
            if (!candidate.IsEmpty && SipAscii.EqualsIgnoreCase(candidate, name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HeadersEquivalent(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        return Contained(a, b) && Contained(b, a);

        static bool Contained(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
        {
            foreach (Range r in x.Split((byte)'&'))
            {
                ReadOnlySpan<byte> h = x[r];
                if (h.IsEmpty)
                {
                    continue;
                }

                int eq = h.IndexOf((byte)'=');
                ReadOnlySpan<byte> name = eq < 0 ? h : h[..eq];
                ReadOnlySpan<byte> value = eq < 0 ? default : h[(eq + 1)..];
                bool matched = false;
                foreach (Range r2 in y.Split((byte)'&'))
                {
                    ReadOnlySpan<byte> h2 = y[r2];
                    int eq2 = h2.IndexOf((byte)'=');
                    ReadOnlySpan<byte> name2 = eq2 < 0 ? h2 : h2[..eq2];
                    if (EscapedEquals(name, name2, ignoreCase: true))
                    {
                        matched = EscapedEquals(value, eq2 < 0 ? default : h2[(eq2 + 1)..], ignoreCase: false);
                        break;
                    }
                }

                if (!matched)
                {
                    return false;
                }
            }

            return true;
        }
    }

    private static bool TelNumberEquals(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < a.Length && IsVisual(a[i]))
            {
                i++;
            }

            while (j < b.Length && IsVisual(b[j]))
            {
                j++;
            }

            if (i == a.Length || j == b.Length)
            {
                return i == a.Length && j == b.Length;
            }

            if (SipAscii.ToLower(a[i]) != SipAscii.ToLower(b[j]))
            {
                return false;
            }

            i++;
            j++;
        }

        static bool IsVisual(byte c) => c is (byte)'-' or (byte)'.' or (byte)'(' or (byte)')';
    }
}
