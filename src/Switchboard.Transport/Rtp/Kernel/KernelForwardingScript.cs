using System.Globalization;
using System.Net;
using System.Text;
using Switchboard.Common.Media;

namespace Switchboard.Transport.Rtp.Kernel;

/// <summary>
/// The nftables text of kernel forwarding. One table of five maps and three chains, stateless (no conntrack):
/// <list type="bullet">
/// <item>prerouting (priority raw): a datagram whose (source address, source port, destination port) is in
/// <c>relay</c> gets that relay direction's mark, is left untracked, and gets the destination of the other leg;</item>
/// <item>routing then forwards it (a remote peer) or delivers it locally (a peer on this host);</item>
/// <item>postrouting or input (priority mangle): a marked datagram gets the other leg's local address and port as
/// source. The source is set only after routing, because a local source on an arriving datagram is a martian.</item>
/// </list>
/// The kernel updates the IP and UDP checksums with each rewrite. Marks are <see cref="MarkPrefix"/> | id. Each rule
/// counts what it rewrote (<c>nft list table ip switchboard_media</c>).
/// </summary>
public static class KernelForwardingScript
{
    public const string Table = "switchboard_media";

    public const uint MarkPrefix = 0x5B0D0000;

    public const uint MarkMask = 0xFFFF0000;

    /// <summary>Ids 1..MaxId (the low 16 bits of the mark).</summary>
    public const int MaxId = 0xFFFF;

    /// <summary>Replaces any table left by an earlier process with an empty one.</summary>
    public static string Setup()
    {
        string marked = $"meta mark & 0x{MarkMask:x8} == 0x{MarkPrefix:x8} counter ip saddr set meta mark map @saddr udp sport set meta mark map @sport";
        return $$"""
            table ip {{Table}}
            delete table ip {{Table}}
            table ip {{Table}} {
              map relay { type ipv4_addr . inet_service . inet_service : mark; counter; }
              map daddr { type mark : ipv4_addr; }
              map dport { type mark : inet_service; }
              map saddr { type mark : ipv4_addr; }
              map sport { type mark : inet_service; }
              chain prerouting {
                type filter hook prerouting priority raw; policy accept;
                meta mark set ip saddr . udp sport . udp dport map @relay counter notrack ip daddr set meta mark map @daddr udp dport set meta mark map @dport
              }
              chain input {
                type filter hook input priority mangle; policy accept;
                {{marked}}
              }
              chain postrouting {
                type filter hook postrouting priority mangle; policy accept;
                {{marked}}
              }
            }

            """;
    }

    public static string Teardown() => $"delete table ip {Table}\n";

    /// <summary>The arguments that list the relay map with each element's packet counter.</summary>
    public static IReadOnlyList<string> ListRelays() => ["list", "map", "ip", Table, "relay"];

    /// <summary>Packets counted per direction id in a listing of the relay map (<see cref="ListRelays"/>).</summary>
    public static Dictionary<int, long> ParseCounters(string listing)
    {
        var counts = new Dictionary<int, long>();
        ParseCounters(listing, counts);
        return counts;
    }

    /// <summary>
    /// Adds the elements of one piece of a listing (nft never breaks an element across lines) to
    /// <paramref name="counts"/>: each "counter packets N bytes M : 0xMARK" of a mark of ours. No allocation.
    /// </summary>
    public static void ParseCounters(ReadOnlySpan<char> text, Dictionary<int, long> counts)
    {
        const string Counter = "counter packets ";
        while (true)
        {
            int at = text.IndexOf(Counter, StringComparison.Ordinal);
            if (at < 0)
            {
                return;
            }

            text = text[(at + Counter.Length)..];
            int space = text.IndexOf(' ');
            int mark = text.IndexOf(": 0x", StringComparison.Ordinal);
            if (space < 0 || mark < 0 || mark + 12 > text.Length
                || !long.TryParse(text[..space], NumberStyles.None, CultureInfo.InvariantCulture, out long packets)
                || !uint.TryParse(text.Slice(mark + 4, 8), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint value))
            {
                continue;
            }

            if ((value & MarkMask) == MarkPrefix)
            {
                counts[(int)(value & ~MarkMask)] = packets;
            }

            text = text[(mark + 12)..];
        }
    }

    /// <summary>The lines that make the kernel forward one direction (value maps first, the key last).</summary>
    public static void Add(StringBuilder script, int id, KernelForwardRule rule, IPAddress egress)
    {
        string mark = Mark(id);
        Element(script, "add", "daddr", $"{mark} : {rule.Destination.Address}");
        Element(script, "add", "dport", $"{mark} : {rule.Destination.Port.ToString(CultureInfo.InvariantCulture)}");
        Element(script, "add", "saddr", $"{mark} : {egress}");
        Element(script, "add", "sport", $"{mark} : {rule.Egress.Port.ToString(CultureInfo.InvariantCulture)}");
        Element(script, "add", "relay", $"{Key(rule)} : {mark}");
    }

    /// <summary>The lines that stop it (the key first).</summary>
    public static void Remove(StringBuilder script, int id, KernelForwardRule rule)
    {
        string mark = Mark(id);
        Element(script, "delete", "relay", Key(rule));
        foreach (string map in (string[])["daddr", "dport", "saddr", "sport"])
        {
            Element(script, "delete", map, mark);
        }
    }

    public static string Mark(int id) => $"0x{MarkPrefix | (uint)id:x8}";

    private static string Key(KernelForwardRule rule) =>
        $"{rule.Source.Address} . {rule.Source.Port.ToString(CultureInfo.InvariantCulture)} . {rule.LocalPort.ToString(CultureInfo.InvariantCulture)}";

    private static void Element(StringBuilder script, string verb, string map, string element) =>
        script.Append(verb).Append(" element ip ").Append(Table).Append(' ').Append(map).Append(" { ").Append(element).Append(" }\n");
}
