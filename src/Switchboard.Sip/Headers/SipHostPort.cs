using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Headers;

/// <summary>Reads <c>host [":" port]</c> (RFC 3261 hostport / sent-by) from spans: hostname, IPv4, or [IPv6].</summary>
public static class SipHostPort
{
    /// <summary>
    /// Reads a host at <paramref name="i"/> and an optional port. The port is -1 when absent.
    /// When <paramref name="allowLws"/> is set, LWS is allowed around the colon (Via sent-by).
    /// </summary>
    internal static bool TryRead(ReadOnlySpan<byte> s, ref int i, bool allowLws, out int hostStart, out int hostLength, out int port)
    {
        hostStart = i;
        hostLength = 0;
        port = -1;
        if (i >= s.Length)
        {
            return false;
        }

        if (s[i] == '[')
        {
            int close = s[i..].IndexOf((byte)']');
            if (close < 0 || !IsIPv6(s.Slice(i + 1, close - 1)))
            {
                return false;
            }

            i += close + 1;
        }
        else
        {
            while (i < s.Length && (SipAscii.IsAlpha(s[i]) || SipAscii.IsDigit(s[i]) || s[i] == '-' || s[i] == '.'))
            {
                i++;
            }

            if (i == hostStart || !IsHostName(s[hostStart..i]))
            {
                return false;
            }
        }

        hostLength = i - hostStart;
        int j = allowLws ? SipAscii.SkipLws(s, i) : i;
        if (j < s.Length && s[j] == ':')
        {
            j = allowLws ? SipAscii.SkipLws(s, j + 1) : j + 1;
            int ps = j;
            while (j < s.Length && SipAscii.IsDigit(s[j]))
            {
                j++;
            }

            if (!SipAscii.TryParseBounded(s[ps..j], 65535, out uint p))
            {
                return false;
            }

            port = (int)p;
            i = j;
        }

        return true;
    }

    /// <summary>hostname / IPv4address: labels of alphanumerics and '-', not starting or ending with '-'.</summary>
    public static bool IsHostName(ReadOnlySpan<byte> host)
    {
        if (host.IsEmpty)
        {
            return false;
        }

        int labelStart = 0;
        for (int i = 0; i <= host.Length; i++)
        {
            if (i == host.Length || host[i] == '.')
            {
                int len = i - labelStart;
                if (len == 0)
                {
                    // a trailing dot (fully-qualified form) is allowed, an empty label elsewhere is not
                    if (i != host.Length || i == 0)
                    {
                        return false;
                    }
                }
                else if (host[labelStart] == '-' || host[i - 1] == '-')
                {
                    return false;
                }

                labelStart = i + 1;
                continue;
            }

            byte b = host[i];
            if (!SipAscii.IsAlpha(b) && !SipAscii.IsDigit(b) && b != '-')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A syntactic check of an IPv6 address (RFC 4291 text form, optional trailing IPv4). The three-colon form
    /// before an embedded IPv4 address that RFC 3261's ABNF allows (<c>2001:db8:::192.0.2.1</c>) is tolerated
    /// as RFC 5118 §4.10 requires.
    /// </summary>
    public static bool IsIPv6(ReadOnlySpan<byte> a)
    {
        int triple = a.IndexOf(":::"u8);
        if (triple >= 0)
        {
            ReadOnlySpan<byte> rest = a[(triple + 3)..];
            if (rest.IndexOf((byte)':') >= 0 || !IsIPv4(rest) || a.Length > 46)
            {
                return false;
            }

            Span<byte> fixedUp = stackalloc byte[a.Length - 1];
            a[..(triple + 2)].CopyTo(fixedUp);
            rest.CopyTo(fixedUp[(triple + 2)..]);
            return IsIPv6Strict(fixedUp);
        }

        return IsIPv6Strict(a);
    }

    private static bool IsIPv6Strict(ReadOnlySpan<byte> a)
    {
        if (a.Length < 2 || a.Length > 45)
        {
            return false;
        }

        int groups = 0;
        int doubleColons = 0;
        int i = 0;
        if (a[0] == ':')
        {
            if (a[1] != ':')
            {
                return false;
            }
        }

        while (i < a.Length)
        {
            if (a[i] == ':')
            {
                if (i + 1 < a.Length && a[i + 1] == ':')
                {
                    doubleColons++;
                    i += 2;
                    if (doubleColons > 1)
                    {
                        return false;
                    }

                    continue;
                }

                i++;
                if (i == a.Length)
                {
                    return false;
                }

                continue;
            }

            int start = i;
            bool dotted = false;
            while (i < a.Length && a[i] != ':')
            {
                if (a[i] == '.')
                {
                    dotted = true;
                }
                else if (!SipAscii.IsHex(a[i]))
                {
                    return false;
                }

                i++;
            }

            if (dotted)
            {
                if (i != a.Length || !IsIPv4(a[start..i]))
                {
                    return false;
                }

                groups += 2;
            }
            else
            {
                if (i - start > 4)
                {
                    return false;
                }

                groups++;
            }
        }

        return doubleColons == 1 ? groups <= 7 : groups == 8;
    }

    /// <summary>Dotted-quad IPv4 address.</summary>
    public static bool IsIPv4(ReadOnlySpan<byte> a)
    {
        int parts = 0;
        int i = 0;
        while (i <= a.Length)
        {
            int start = i;
            while (i < a.Length && SipAscii.IsDigit(a[i]))
            {
                i++;
            }

            if (!SipAscii.TryParseBounded(a[start..i], 255, out _) || i - start > 3)
            {
                return false;
            }

            parts++;
            if (i == a.Length)
            {
                break;
            }

            if (a[i] != '.')
            {
                return false;
            }

            i++;
        }

        return parts == 4;
    }
}
