using System.Net;

namespace Switchboard.Config.Pjsip.Values;

/// <summary>One <c>match=</c> criterion of an identify: an address/network, or a host name to resolve.</summary>
public sealed record IdentifyMatch
{
    private IdentifyMatch(IPNetwork? network, string? host, string text)
    {
        Network = network;
        Host = host;
        Text = text;
    }

    /// <summary>The network (a single address is a /32 or /128), or null for a host name.</summary>
    public IPNetwork? Network { get; }

    /// <summary>The host name to resolve, or null for an address.</summary>
    public string? Host { get; }

    /// <summary>The criterion as written, with any port removed.</summary>
    public string Text { get; }

    /// <summary>True when <paramref name="address"/> is inside the network (host names never match here).</summary>
    public bool Contains(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (Network is not { } n)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6 && n.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            address = address.MapToIPv4();
        }

        return n.Contains(address);
    }

    /// <summary>Parses an address, CIDR (or address/dotted-mask) or host name; a <c>:port</c> suffix is removed.</summary>
    public static bool TryParse(string text, out IdentifyMatch? match, out string? error)
    {
        match = null;
        error = null;
        var s = NetValues.StripPort(text.Trim());
        if (s.Length == 0)
        {
            error = "empty match";
            return false;
        }

        if (NetValues.TryParseNetwork(s, out var network, out var netError))
        {
            match = new IdentifyMatch(network, null, s);
            return true;
        }

        if (netError is not null)
        {
            error = netError;
            return false;
        }

        if (!NetValues.IsHostName(s))
        {
            error = $"'{text}' is neither an IP address, a network nor a host name";
            return false;
        }

        match = new IdentifyMatch(null, s, s);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
