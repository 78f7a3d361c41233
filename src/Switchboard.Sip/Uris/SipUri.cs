using Switchboard.Sip.Headers;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Uris;

/// <summary>
/// A parsed URI view (RFC 3261 §19.1 for sip/sips, RFC 3966 for tel, scheme-only for others). All parts are
/// slices of the source bytes; escapes are not undone (use <see cref="SipUriComparer"/> for equivalence).
/// </summary>
public readonly struct SipUri
{
    /// <summary>The whole URI as written.</summary>
    public ReadOnlyMemory<byte> Raw { get; init; }

    /// <summary>The scheme.</summary>
    public SipUriScheme Scheme { get; init; }

    /// <summary>The scheme token as written (without ':').</summary>
    public ReadOnlyMemory<byte> SchemeBytes { get; init; }

    /// <summary>User part (sip/sips), or the telephone number (tel); empty when absent. Escapes kept.</summary>
    public ReadOnlyMemory<byte> User { get; init; }

    /// <summary>Password (sip/sips), empty when absent.</summary>
    public ReadOnlyMemory<byte> Password { get; init; }

    /// <summary>True when the userinfo had a ':' password part.</summary>
    public bool HasPassword { get; init; }

    /// <summary>Host (IPv6 references keep their brackets); empty for tel and other schemes.</summary>
    public ReadOnlyMemory<byte> Host { get; init; }

    /// <summary>The host form.</summary>
    public SipHostKind HostKind { get; init; }

    /// <summary>Port, or -1 when absent.</summary>
    public int Port { get; init; }

    /// <summary>uri-parameters starting at the first ';' (empty when none).</summary>
    public ReadOnlyMemory<byte> Parameters { get; init; }

    /// <summary>Headers after '?' (without the '?'; empty when none).</summary>
    public ReadOnlyMemory<byte> Headers { get; init; }

    /// <summary>For other schemes: everything after "scheme:".</summary>
    public ReadOnlyMemory<byte> Opaque { get; init; }

    /// <summary>True for sip and sips.</summary>
    public bool IsSip => Scheme is SipUriScheme.Sip or SipUriScheme.Sips;

    /// <summary>The value of uri-parameter <paramref name="name"/> (empty for a flag parameter).</summary>
    public bool TryGetParameter(ReadOnlySpan<byte> name, out ReadOnlyMemory<byte> value)
        => SipParameters.TryGet(Parameters, name, out value);

    /// <summary>True when the <c>lr</c> parameter is present (loose routing).</summary>
    public bool IsLooseRouter => TryGetParameter("lr"u8, out _);

    /// <summary>Parses a URI from its bytes.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, out SipUri uri)
    {
        uri = default;
        ReadOnlySpan<byte> s = value.Span;
        int colon = s.IndexOf((byte)':');
        if (colon <= 0 || !IsScheme(s[..colon]))
        {
            return false;
        }

        ReadOnlySpan<byte> scheme = s[..colon];
        SipUriScheme kind = SipAscii.EqualsIgnoreCase(scheme, "sip"u8) ? SipUriScheme.Sip
            : SipAscii.EqualsIgnoreCase(scheme, "sips"u8) ? SipUriScheme.Sips
            : SipAscii.EqualsIgnoreCase(scheme, "tel"u8) ? SipUriScheme.Tel
            : SipUriScheme.Other;
        foreach (byte b in s[(colon + 1)..])
        {
            if (b <= 0x20 || b >= 0x7F)
            {
                return false;
            }
        }

        return kind switch
        {
            SipUriScheme.Sip or SipUriScheme.Sips => TryParseSip(value, colon + 1, kind, out uri),
            SipUriScheme.Tel => TryParseTel(value, colon + 1, out uri),
            _ => TryParseOther(value, colon, out uri),
        };
    }

    private static bool TryParseOther(ReadOnlyMemory<byte> value, int colon, out SipUri uri)
    {
        uri = new SipUri { Raw = value, Scheme = SipUriScheme.Other, SchemeBytes = value[..colon], Opaque = value[(colon + 1)..], Port = -1 };
        return colon + 1 < value.Length;
    }

    private static bool TryParseTel(ReadOnlyMemory<byte> value, int start, out SipUri uri)
    {
        uri = default;
        ReadOnlySpan<byte> s = value.Span;
        int semi = s[start..].IndexOf((byte)';');
        int numberEnd = semi < 0 ? s.Length : start + semi;
        ReadOnlySpan<byte> number = s[start..numberEnd];
        if (number.IsEmpty)
        {
            return false;
        }

        foreach (byte b in number)
        {
            if (!SipAscii.IsHex(b) && b != '+' && b != '-' && b != '.' && b != '(' && b != ')' && b != '*' && b != '#')
            {
                return false;
            }
        }

        if (!IsUriParameters(s[numberEnd..]))
        {
            return false;
        }

        uri = new SipUri
        {
            Raw = value,
            Scheme = SipUriScheme.Tel,
            SchemeBytes = value[..(start - 1)],
            User = value[start..numberEnd],
            Parameters = value[numberEnd..],
            Port = -1,
        };
        return true;
    }

    private static bool TryParseSip(ReadOnlyMemory<byte> value, int start, SipUriScheme kind, out SipUri uri)
    {
        uri = default;
        ReadOnlySpan<byte> s = value.Span;
        int i = start;
        int userStart = 0, userLength = 0, pwStart = 0, pwLength = 0;
        bool hasPassword = false;
        int at = s[start..].IndexOf((byte)'@');
        if (at >= 0)
        {
            at += start;
            ReadOnlySpan<byte> userinfo = s[start..at];
            int pwColon = userinfo.IndexOf((byte)':');
            int userEnd = pwColon < 0 ? at : start + pwColon;
            userStart = start;
            userLength = userEnd - start;
            if (userLength == 0 || !IsEscapedRun(s[start..userEnd], "&=+$,;?/"u8))
            {
                return false;
            }

            if (pwColon >= 0)
            {
                hasPassword = true;
                pwStart = userEnd + 1;
                pwLength = at - pwStart;
                if (!IsEscapedRun(s.Slice(pwStart, pwLength), "&=+$,"u8))
                {
                    return false;
                }
            }

            i = at + 1;
        }

        if (!SipHostPort.TryRead(s, ref i, allowLws: false, out int hostStart, out int hostLength, out int port))
        {
            return false;
        }

        ReadOnlySpan<byte> host = s.Slice(hostStart, hostLength);
        SipHostKind hostKind = host[0] == '[' ? SipHostKind.IPv6 : SipHostPort.IsIPv4(host) ? SipHostKind.IPv4 : SipHostKind.DomainName;
        int q = s[i..].IndexOf((byte)'?');
        int paramsEnd = q < 0 ? s.Length : i + q;
        if (!IsUriParameters(s[i..paramsEnd]))
        {
            return false;
        }

        ReadOnlyMemory<byte> headers = default;
        if (q >= 0)
        {
            if (!IsUriHeaders(s[(paramsEnd + 1)..]))
            {
                return false;
            }

            headers = value[(paramsEnd + 1)..];
        }

        uri = new SipUri
        {
            Raw = value,
            Scheme = kind,
            SchemeBytes = value[..(start - 1)],
            User = value.Slice(userStart, userLength),
            Password = value.Slice(pwStart, pwLength),
            HasPassword = hasPassword,
            Host = value.Slice(hostStart, hostLength),
            HostKind = hostKind,
            Port = port,
            Parameters = value[i..paramsEnd],
            Headers = headers,
        };
        return true;
    }

    private static bool IsScheme(ReadOnlySpan<byte> s)
    {
        if (!SipAscii.IsAlpha(s[0]))
        {
            return false;
        }

        foreach (byte b in s)
        {
            if (!SipAscii.IsAlpha(b) && !SipAscii.IsDigit(b) && b != '+' && b != '-' && b != '.')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>1*( unreserved / escaped / one of <paramref name="extra"/> ).</summary>
    private static bool IsEscapedRun(ReadOnlySpan<byte> s, ReadOnlySpan<byte> extra)
    {
        for (int i = 0; i < s.Length; i++)
        {
            byte b = s[i];
            if (b == '%')
            {
                if (i + 2 >= s.Length || !SipAscii.IsHex(s[i + 1]) || !SipAscii.IsHex(s[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (!SipAscii.IsUnreserved(b) && extra.IndexOf(b) < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>*( ";" pname [ "=" pvalue ] ) with paramchar = unreserved / escaped / "[]/:&amp;+$".</summary>
    private static bool IsUriParameters(ReadOnlySpan<byte> s)
    {
        int i = 0;
        while (i < s.Length)
        {
            if (s[i] != ';')
            {
                return false;
            }

            int end = s[(i + 1)..].IndexOf((byte)';');
            end = end < 0 ? s.Length : i + 1 + end;
            ReadOnlySpan<byte> p = s[(i + 1)..end];
            int eq = p.IndexOf((byte)'=');
            ReadOnlySpan<byte> name = eq < 0 ? p : p[..eq];
            if (name.IsEmpty || !IsEscapedRun(name, "[]/:&+$"u8))
            {
                return false;
            }

            if (eq >= 0 && (eq == p.Length - 1 || !IsEscapedRun(p[(eq + 1)..], "[]/:&+$"u8)))
            {
                return false;
            }

            i = end;
        }

        return true;
    }

    /// <summary>header *( "&amp;" header ), header = hname "=" hvalue.</summary>
    private static bool IsUriHeaders(ReadOnlySpan<byte> s)
    {
        if (s.IsEmpty)
        {
            return false;
        }

        foreach (Range r in s.Split((byte)'&'))
        {
            ReadOnlySpan<byte> h = s[r];
            int eq = h.IndexOf((byte)'=');
            if (eq <= 0 || !IsEscapedRun(h[..eq], "[]/?:+$"u8) || !IsEscapedRun(h[(eq + 1)..], "[]/?:+$"u8))
            {
                return false;
            }
        }

        return true;
    }
}
