using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Switchboard.Config.Pjsip.Values;

/// <summary>Parsing of addresses, host:port pairs and networks as written in pjsip.conf.</summary>
public static class NetValues
{
    /// <summary>Removes a trailing <c>:port</c> from <c>host:port</c>, <c>1.2.3.4:port</c> or <c>[v6]:port</c>; bare IPv6 stays.</summary>
    public static string StripPort(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            return close > 0 ? text[1..close] : text;
        }

        var colon = text.IndexOf(':');
        if (colon < 0 || text.IndexOf(':', colon + 1) >= 0)
        {
            return text; // no port, or a bare IPv6 address
        }

        var slash = text.IndexOf('/');
        if (slash >= 0 && slash < colon)
        {
            return text; // "1.2.3.0/24:..." is not a host:port
        }

        return text[..colon];
    }

    /// <summary>Splits <c>host[:port]</c> / <c>[v6][:port]</c>; port is 0 when absent.</summary>
    public static bool TryParseHostPort(string text, out string host, out int port, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        host = string.Empty;
        port = 0;
        error = null;
        var s = text.Trim();
        string portText;
        if (s.StartsWith('['))
        {
            var close = s.IndexOf(']');
            if (close < 0)
            {
                error = $"missing ']' in '{text}'";
                return false;
            }

            host = s[1..close];
            var rest = s[(close + 1)..];
            if (rest.Length == 0)
            {
                return true;
            }

            if (rest[0] != ':')
            {
                error = $"unexpected text after ']' in '{text}'";
                return false;
            }

            portText = rest[1..];
        }
        else
        {
            var colon = s.IndexOf(':');
            if (colon < 0 || s.IndexOf(':', colon + 1) >= 0)
            {
                host = s;
                return host.Length > 0 || Fail(text, out error);
            }

            host = s[..colon];
            portText = s[(colon + 1)..];
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
        {
            error = $"bad port '{portText}' in '{text}'";
            return false;
        }

        return host.Length > 0 || Fail(text, out error);
    }

    /// <summary>
    /// Parses <c>addr</c>, <c>addr/prefix</c> or <c>addr/dotted.mask</c>. Returns false with a null error when the text is
    /// not an address at all (may be a host name), false with an error when it looks like an address but is malformed.
    /// </summary>
    public static bool TryParseNetwork(string text, out IPNetwork network, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        network = default;
        error = null;
        var slash = text.IndexOf('/');
        var addrText = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(addrText, out var addr) || !LooksLikeAddress(addrText))
        {
            if (slash >= 0)
            {
                error = $"'{text}' is not a valid network";
            }

            return false;
        }

        var max = addr.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = max;
        if (slash >= 0)
        {
            var maskText = text[(slash + 1)..];
            if (!TryParsePrefix(maskText, addr.AddressFamily, max, out prefix))
            {
                error = $"bad network mask '{maskText}' in '{text}'";
                return false;
            }
        }

        network = new IPNetwork(Mask(addr, prefix), prefix);
        return true;
    }

    /// <summary>True for something that can be a DNS host name.</summary>
    public static bool IsHostName(string text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 253)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool LooksLikeAddress(string s)
    {
        // IPAddress.TryParse accepts "1" or "1.2" as IPv4; Asterisk wants dotted quads or IPv6.
        if (s.Contains(':', StringComparison.Ordinal))
        {
            return true;
        }

        var dots = 0;
        foreach (var c in s)
        {
            if (c == '.')
            {
                dots++;
            }
            else if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return dots == 3;
    }

    private static bool TryParsePrefix(string maskText, AddressFamily family, int max, out int prefix)
    {
        if (int.TryParse(maskText, NumberStyles.None, CultureInfo.InvariantCulture, out prefix))
        {
            return prefix >= 0 && prefix <= max;
        }

        prefix = 0;
        if (family != AddressFamily.InterNetwork || !IPAddress.TryParse(maskText, out var mask) || !LooksLikeAddress(maskText))
        {
            return false;
        }

        var bytes = mask.GetAddressBytes();
        var seenZero = false;
        foreach (var b in bytes)
        {
            for (var bit = 7; bit >= 0; bit--)
            {
                var set = (b >> bit & 1) == 1;
                if (set && seenZero)
                {
                    return false;
                }

                if (set)
                {
                    prefix++;
                }
                else
                {
                    seenZero = true;
                }
            }
        }

        return true;
    }

    private static IPAddress Mask(IPAddress addr, int prefix)
    {
        var bytes = addr.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var bits = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bits));
        }

        return new IPAddress(bytes);
    }

    private static bool Fail(string text, out string? error)
    {
        error = $"missing host in '{text}'";
        return false;
    }
}
