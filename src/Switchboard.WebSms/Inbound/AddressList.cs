using System.Net;

namespace Switchboard.WebSms.Inbound;

/// <summary>A comma list of addresses and CIDR networks (IPv4 and IPv6; no mask = one host).</summary>
public sealed class AddressList
{
    private readonly List<IPNetwork> _networks = [];

    private AddressList()
    {
    }

    public bool IsEmpty => _networks.Count == 0;

    /// <summary>Parses <paramref name="text"/>; entries that are not addresses are reported in <paramref name="invalid"/>.</summary>
    public static AddressList Parse(string text, out List<string> invalid)
    {
        var list = new AddressList();
        invalid = [];
        foreach (var raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (raw.Contains('/', StringComparison.Ordinal))
            {
                if (IPNetwork.TryParse(raw, out var net))
                {
                    list._networks.Add(net);
                }
                else if (TryParseLoose(raw, out var loose))
                {
                    list._networks.Add(loose);
                }
                else
                {
                    invalid.Add(raw);
                }
            }
            else if (IPAddress.TryParse(raw, out var ip))
            {
                ip = Normalize(ip);
                list._networks.Add(new IPNetwork(ip, ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                invalid.Add(raw);
            }
        }

        return list;
    }

    public bool Contains(IPAddress address)
    {
        address = Normalize(address);
        foreach (var n in _networks)
        {
            if (n.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    public static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary>Networks written with host bits set (192.168.1.7/24), as ip2long-style matching accepts them.</summary>
    private static bool TryParseLoose(string raw, out IPNetwork network)
    {
        network = default;
        int slash = raw.IndexOf('/', StringComparison.Ordinal);
        if (!IPAddress.TryParse(raw[..slash], out var ip) || !int.TryParse(raw[(slash + 1)..], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var bits))
        {
            return false;
        }

        var bytes = ip.GetAddressBytes();
        if (bits < 0 || bits > bytes.Length * 8)
        {
            return false;
        }

        for (int i = 0; i < bytes.Length; i++)
        {
            int keep = Math.Clamp(bits - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        network = new IPNetwork(new IPAddress(bytes), bits);
        return true;
    }
}
