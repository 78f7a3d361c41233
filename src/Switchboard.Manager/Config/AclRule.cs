using System.Net;
using System.Net.Sockets;

namespace Switchboard.Manager.Config;

/// <summary>One permit/deny line of a manager user: an address range and its sense.</summary>
public sealed record AclRule(bool Permit, IPAddress Network, int PrefixLength)
{
    /// <summary>Parses <c>1.2.3.0/24</c>, <c>1.2.3.0/255.255.255.0</c>, <c>::1/128</c> or a bare address.</summary>
    public static bool TryParse(bool permit, string text, out AclRule? rule, out string error)
    {
        rule = null;
        error = string.Empty;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addrText = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(addrText.Trim(), out var address))
        {
            error = $"'{text}' is not an address";
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        int max = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        int prefix = max;
        if (slash >= 0)
        {
            var maskText = text[(slash + 1)..].Trim();
            if (int.TryParse(maskText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p))
            {
                if (p > max)
                {
                    error = $"prefix length {p} is too long in '{text}'";
                    return false;
                }

                prefix = p;
            }
            else if (IPAddress.TryParse(maskText, out var mask) && mask.AddressFamily == address.AddressFamily && TryMaskLength(mask, out p))
            {
                prefix = p;
            }
            else
            {
                error = $"'{maskText}' is not a netmask";
                return false;
            }
        }

        rule = new AclRule(permit, Truncate(address, prefix), prefix);
        return true;
    }

    public bool Matches(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != Network.AddressFamily)
        {
            return false;
        }

        return Truncate(address, PrefixLength).Equals(Network);
    }

    public override string ToString() => $"{(Permit ? "permit" : "deny")} {Network}/{PrefixLength}";

    private static IPAddress Truncate(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (int i = 0; i < bytes.Length; i++)
        {
            int bits = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bits));
        }

        return new IPAddress(bytes);
    }

    private static bool TryMaskLength(IPAddress mask, out int length)
    {
        length = 0;
        bool zero = false;
        foreach (var b in mask.GetAddressBytes())
        {
            for (int bit = 7; bit >= 0; bit--)
            {
                bool set = (b & (1 << bit)) != 0;
                if (set && zero)
                {
                    return false;
                }

                if (set)
                {
                    length++;
                }
                else
                {
                    zero = true;
                }
            }
        }

        return true;
    }
}
