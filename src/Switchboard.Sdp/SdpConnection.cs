using System.Net;
using System.Net.Sockets;

namespace Switchboard.Sdp;

/// <summary>The c= line: "IN IP4 192.0.2.1", "IN IP6 2001:db8::1", optionally with multicast /ttl/count.</summary>
public sealed class SdpConnection
{
    public SdpConnection()
    {
    }

    public SdpConnection(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        AddressType = address.AddressFamily == AddressFamily.InterNetworkV6 ? "IP6" : "IP4";
        Address = address.ToString();
    }

    public string NetworkType { get; set; } = "IN";

    public string AddressType { get; set; } = "IP4";

    /// <summary>Unicast address or FQDN, without the multicast suffixes.</summary>
    public string Address { get; set; } = "0.0.0.0";

    /// <summary>Multicast TTL (IPv4 only), when present.</summary>
    public int? Ttl { get; set; }

    /// <summary>Number of multicast addresses, when present.</summary>
    public int? AddressCount { get; set; }

    /// <summary>
    /// True for the RFC 2543 hold form c=IN IP4 0.0.0.0 (and the IPv6 unspecified address ::).
    /// </summary>
    public bool IsHoldAddress =>
        Address == "0.0.0.0" || (AddressType == "IP6" && IPAddress.TryParse(Address, out var a) && a.Equals(IPAddress.IPv6Any));

    /// <summary>The address as an <see cref="IPAddress"/> when it is a literal (not an FQDN).</summary>
    public bool TryGetIPAddress(out IPAddress address)
    {
        if (IPAddress.TryParse(Address, out var parsed))
        {
            address = parsed;
            return true;
        }

        address = IPAddress.None;
        return false;
    }
}
