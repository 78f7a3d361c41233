using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Headers;

/// <summary>
/// One Via value (RFC 3261 §20.42, RFC 3581 rport): <c>SIP/2.0/UDP host:port;branch=...;received=...;rport</c>.
/// All parts are slices of the message buffer.
/// </summary>
public readonly struct SipVia
{
    /// <summary>The whole value as written.</summary>
    public ReadOnlyMemory<byte> Raw { get; init; }

    /// <summary>Protocol name, normally <c>SIP</c>.</summary>
    public ReadOnlyMemory<byte> ProtocolName { get; init; }

    /// <summary>Protocol version, normally <c>2.0</c>.</summary>
    public ReadOnlyMemory<byte> ProtocolVersion { get; init; }

    /// <summary>Transport token (UDP, TCP, TLS, WS, WSS, SCTP, or an extension).</summary>
    public ReadOnlyMemory<byte> Transport { get; init; }

    /// <summary>sent-by host (IPv6 references keep their brackets).</summary>
    public ReadOnlyMemory<byte> Host { get; init; }

    /// <summary>sent-by port, or -1 when absent.</summary>
    public int Port { get; init; }

    /// <summary>All parameters, starting at the first ';' (empty when none).</summary>
    public ReadOnlyMemory<byte> Parameters { get; init; }

    /// <summary>The branch parameter (empty when absent).</summary>
    public ReadOnlyMemory<byte> Branch { get; init; }

    /// <summary>The received parameter (empty when absent).</summary>
    public ReadOnlyMemory<byte> Received { get; init; }

    /// <summary>The maddr parameter (empty when absent).</summary>
    public ReadOnlyMemory<byte> Maddr { get; init; }

    /// <summary>The ttl parameter, or -1 when absent.</summary>
    public int Ttl { get; init; }

    /// <summary>True when an rport parameter is present (with or without a value).</summary>
    public bool HasRport { get; init; }

    /// <summary>The rport value, or -1 when rport is absent or empty (a request for symmetric response routing).</summary>
    public int Rport { get; init; }

    /// <summary>True when the branch starts with the RFC 3261 magic cookie <c>z9hG4bK</c>.</summary>
    public bool HasRfc3261Branch => Branch.Length >= 7 && Branch.Span[..7].SequenceEqual("z9hG4bK"u8);

    /// <summary>Parses one Via value (not a comma list; use the message's value enumerator to split).</summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, out SipVia via)
    {
        via = default;
        ReadOnlySpan<byte> s = value.Span;
        int i = SipAscii.SkipLws(s, 0);
        if (!ReadToken(s, ref i, out int pnS, out int pnL) || !ReadSlash(s, ref i)
            || !ReadToken(s, ref i, out int pvS, out int pvL) || !ReadSlash(s, ref i)
            || !ReadToken(s, ref i, out int tS, out int tL))
        {
            return false;
        }

        int beforeHost = i;
        i = SipAscii.SkipLws(s, i);
        if (i == beforeHost)
        {
            return false; // LWS is required between sent-protocol and sent-by
        }

        if (!SipHostPort.TryRead(s, ref i, allowLws: true, out int hS, out int hL, out int port))
        {
            return false;
        }

        int paramsStart = SipAscii.SkipLws(s, i);
        int end = s.Length;
        while (end > paramsStart && SipAscii.IsLws(s[end - 1]))
        {
            end--;
        }

        ReadOnlyMemory<byte> parms = value[paramsStart..end];
        ReadOnlySpan<byte> ps = parms.Span;
        int pos = 0;
        ReadOnlyMemory<byte> branch = default, received = default, maddr = default;
        int ttl = -1, rport = -1;
        bool hasRport = false;
        while (SipParameters.TryReadNext(ps, ref pos, out int ns, out int nl, out int vs, out int vl))
        {
            ReadOnlySpan<byte> name = ps.Slice(ns, nl);
            ReadOnlySpan<byte> v = ps.Slice(vs, vl);
            if (SipAscii.EqualsIgnoreCase(name, "branch"u8))
            {
                branch = parms.Slice(vs, vl);
            }
            else if (SipAscii.EqualsIgnoreCase(name, "received"u8))
            {
                if (!SipHostPort.IsIPv4(v) && !SipHostPort.IsIPv6(v) && !IsBracketedIPv6(v))
                {
                    return false;
                }

                received = parms.Slice(vs, vl);
            }
            else if (SipAscii.EqualsIgnoreCase(name, "maddr"u8))
            {
                maddr = parms.Slice(vs, vl);
            }
            else if (SipAscii.EqualsIgnoreCase(name, "ttl"u8))
            {
                if (!SipAscii.TryParseBounded(v, 255, out uint t))
                {
                    return false;
                }

                ttl = (int)t;
            }
            else if (SipAscii.EqualsIgnoreCase(name, "rport"u8))
            {
                hasRport = true;
                if (vl > 0)
                {
                    if (!SipAscii.TryParseBounded(v, 65535, out uint rp))
                    {
                        return false;
                    }

                    rport = (int)rp;
                }
            }
        }

        if (SipAscii.SkipLws(ps, pos) != ps.Length)
        {
            return false; // trailing garbage or a malformed parameter
        }

        via = new SipVia
        {
            Raw = value,
            ProtocolName = value.Slice(pnS, pnL),
            ProtocolVersion = value.Slice(pvS, pvL),
            Transport = value.Slice(tS, tL),
            Host = value.Slice(hS, hL),
            Port = port,
            Parameters = parms,
            Branch = branch,
            Received = received,
            Maddr = maddr,
            Ttl = ttl,
            HasRport = hasRport,
            Rport = rport,
        };
        return true;
    }

    private static bool IsBracketedIPv6(ReadOnlySpan<byte> v)
        => v.Length > 2 && v[0] == '[' && v[^1] == ']' && SipHostPort.IsIPv6(v[1..^1]);

    private static bool ReadToken(ReadOnlySpan<byte> s, ref int i, out int start, out int length)
    {
        i = SipAscii.SkipLws(s, i);
        start = i;
        while (i < s.Length && SipAscii.IsToken(s[i]))
        {
            i++;
        }

        length = i - start;
        return length > 0;
    }

    private static bool ReadSlash(ReadOnlySpan<byte> s, ref int i)
    {
        i = SipAscii.SkipLws(s, i);
        if (i >= s.Length || s[i] != '/')
        {
            return false;
        }

        i++;
        return true;
    }
}
