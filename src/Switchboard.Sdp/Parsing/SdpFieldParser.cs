namespace Switchboard.Sdp.Parsing;

/// <summary>Parsers for the structured SDP fields: o=, c=, b=, t= and m=.</summary>
internal static class SdpFieldParser
{
    public static bool TryParseOrigin(ReadOnlySpan<char> value, out SdpOrigin origin)
    {
        origin = new SdpOrigin();
        var tokens = new SdpTokenizer(value);
        if (!tokens.TryNext(out var user) || !tokens.TryNext(out var id) || !tokens.TryNext(out var version)
            || !tokens.TryNext(out var netType) || !tokens.TryNext(out var addrType) || !tokens.TryNext(out var address)
            || !tokens.Remainder.IsEmpty)
        {
            return false;
        }

        if (!SdpNumbers.IsDigits(id) || !SdpNumbers.TryULong(version, out ulong v))
        {
            return false;
        }

        origin.Username = user.ToString();
        origin.SessionId = id.ToString();
        origin.SessionVersion = v;
        origin.NetworkType = netType.ToString();
        origin.AddressType = addrType.ToString();
        origin.Address = address.ToString();
        return true;
    }

    public static bool TryParseConnection(ReadOnlySpan<char> value, out SdpConnection connection)
    {
        connection = new SdpConnection();
        var tokens = new SdpTokenizer(value);
        if (!tokens.TryNext(out var netType) || !tokens.TryNext(out var addrType) || !tokens.TryNext(out var address)
            || !tokens.Remainder.IsEmpty)
        {
            return false;
        }

        connection.NetworkType = netType.ToString();
        connection.AddressType = addrType.ToString();
        int slash = address.IndexOf('/');
        if (slash >= 0)
        {
            var suffix = address[(slash + 1)..];
            address = address[..slash];
            int second = suffix.IndexOf('/');
            bool ipv6 = addrType.Equals("IP6", StringComparison.OrdinalIgnoreCase);
            if (second >= 0)
            {
                if (ipv6 || !SdpNumbers.TryInt(suffix[..second], out int ttl) || !SdpNumbers.TryInt(suffix[(second + 1)..], out int count))
                {
                    return false;
                }

                connection.Ttl = ttl;
                connection.AddressCount = count;
            }
            else if (ipv6)
            {
                // For IP6 the single suffix is the number of addresses (RFC 8866 §5.7).
                if (!SdpNumbers.TryInt(suffix, out int count))
                {
                    return false;
                }

                connection.AddressCount = count;
            }
            else
            {
                if (!SdpNumbers.TryInt(suffix, out int ttl))
                {
                    return false;
                }

                connection.Ttl = ttl;
            }
        }

        if (address.IsEmpty)
        {
            return false;
        }

        connection.Address = address.ToString();
        return true;
    }

    public static bool TryParseBandwidth(ReadOnlySpan<char> value, out SdpBandwidth bandwidth)
    {
        bandwidth = null!;
        int colon = value.IndexOf(':');
        if (colon <= 0 || !SdpNumbers.TryULong(value[(colon + 1)..].Trim(), out ulong kbps))
        {
            return false;
        }

        bandwidth = new SdpBandwidth(value[..colon].ToString(), kbps);
        return true;
    }

    public static bool TryParseTiming(ReadOnlySpan<char> value, out SdpTiming timing)
    {
        timing = new SdpTiming();
        var tokens = new SdpTokenizer(value);
        if (!tokens.TryNext(out var start) || !tokens.TryNext(out var stop) || !tokens.Remainder.IsEmpty
            || !SdpNumbers.TryULong(start, out ulong s) || !SdpNumbers.TryULong(stop, out ulong e))
        {
            return false;
        }

        timing.Start = s;
        timing.Stop = e;
        return true;
    }

    public static bool TryParseMedia(ReadOnlySpan<char> value, out MediaDescription media)
    {
        media = new MediaDescription();
        var tokens = new SdpTokenizer(value);
        if (!tokens.TryNext(out var kind) || !tokens.TryNext(out var port) || !tokens.TryNext(out var proto))
        {
            return false;
        }

        int slash = port.IndexOf('/');
        if (slash >= 0)
        {
            if (!SdpNumbers.TryInt(port[(slash + 1)..], out int count) || count < 1)
            {
                return false;
            }

            media.PortCount = count;
            port = port[..slash];
        }

        if (!SdpNumbers.TryInt(port, out int p) || p > 65535)
        {
            return false;
        }

        media.Media = kind.ToString();
        media.Port = p;
        media.Protocol = proto.ToString();
        while (tokens.TryNext(out var fmt))
        {
            media.Formats.Add(fmt.ToString());
        }

        return true;
    }
}
