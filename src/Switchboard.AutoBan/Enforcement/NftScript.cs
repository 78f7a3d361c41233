using System.Globalization;
using System.Text;
using Switchboard.AutoBan.Addressing;
using Switchboard.AutoBan.Configuration;
using Switchboard.AutoBan.Policy;

namespace Switchboard.AutoBan.Enforcement;

/// <summary>
/// Writes AutoBan's nft scripts. One <c>inet</c> table holds the reference's IPv4 sets under their names (watch,
/// jail, parole with timeouts; blacklist, whitelist) and IPv6 twins with a 6 suffix (watch6, jail6, ...), and the
/// chain <c>incoming</c> at the input hook, priority security: whitelist accept, blacklist drop, jail drop.
/// </summary>
internal sealed class NftScript(string table, int ipv6PrefixLength)
{
    public string Table { get; } = table;

    public static string SetName(AutoBanSet set, bool v6) => v6 ? AutoBanSets.Name(set) + "6" : AutoBanSets.Name(set);

    /// <summary>Recreates the table atomically (existing one deleted first) with the given elements.</summary>
    public string CreateTable(IEnumerable<string> elementUnits)
    {
        // IPv6 networks (aggregation below /128) need interval sets.
        string v6Flags = ipv6PrefixLength < 128 ? "interval, " : "";
        var sb = new StringBuilder(1024);
        sb.Append("add table inet ").Append(Table).Append('\n');
        sb.Append("delete table inet ").Append(Table).Append('\n');
        sb.Append("table inet ").Append(Table).Append(" {\n");
        foreach (var set in AutoBanSets.All)
        {
            string flags = AutoBanSets.IsTimed(set) ? "timeout" : "";
            sb.Append("\tset ").Append(SetName(set, false)).Append(" { type ipv4_addr; ");
            if (flags.Length > 0)
            {
                sb.Append("flags ").Append(flags).Append("; ");
            }

            sb.Append("}\n");
            string flags6 = v6Flags + flags;
            flags6 = flags6.TrimEnd(' ', ',');
            sb.Append("\tset ").Append(SetName(set, true)).Append(" { type ipv6_addr; ");
            if (flags6.Length > 0)
            {
                sb.Append("flags ").Append(flags6).Append("; ");
            }

            sb.Append("}\n");
        }

        sb.Append("\tchain incoming {\n");
        sb.Append("\t\ttype filter hook input priority security; policy accept;\n");
        sb.Append("\t\tip saddr @whitelist accept\n");
        sb.Append("\t\tip6 saddr @whitelist6 accept\n");
        sb.Append("\t\tip saddr @blacklist counter drop\n");
        sb.Append("\t\tip6 saddr @blacklist6 counter drop\n");
        sb.Append("\t\tip saddr @jail counter drop\n");
        sb.Append("\t\tip6 saddr @jail6 counter drop\n");
        sb.Append("\t}\n}\n");
        foreach (var unit in elementUnits)
        {
            sb.Append(unit);
        }

        return sb.ToString();
    }

    /// <summary>The nft commands for one policy change, or null when nft needs none (an element that timed out).</summary>
    public string? ForChange(in SetChange change) => change.Kind switch
    {
        SetChangeKind.Added => Add(change.Set, change.Address, change.Timeout),
        SetChangeKind.Removed when !change.Expired => Remove(change.Set, change.Address),
        SetChangeKind.Flushed => Flush(change.Set),
        _ => null,
    };

    /// <summary>
    /// Adds (or re-adds with a new timeout) an element. <c>add</c> of an existing element keeps its old timeout, so
    /// the element is added, deleted and added again in one transaction.
    /// </summary>
    public string Add(AutoBanSet set, BanAddress address, TimeSpan timeout)
    {
        var setName = SetName(set, address.IsV6);
        var addr = address.ToString();
        if (!AutoBanSets.IsTimed(set))
        {
            return $"add element inet {Table} {setName} {{ {addr} }}\n";
        }

        long seconds = Math.Max(1, DurationSyntax.CeilingSeconds(timeout));
        var t = seconds.ToString(CultureInfo.InvariantCulture);
        return $"add element inet {Table} {setName} {{ {addr} timeout {t}s }}\n"
            + $"delete element inet {Table} {setName} {{ {addr} }}\n"
            + $"add element inet {Table} {setName} {{ {addr} timeout {t}s }}\n";
    }

    /// <summary>Deletes an element whether or not it is still there (nft's delete fails on a missing element).</summary>
    public string Remove(AutoBanSet set, BanAddress address)
    {
        var setName = SetName(set, address.IsV6);
        var addr = address.ToString();
        return $"add element inet {Table} {setName} {{ {addr} }}\n"
            + $"delete element inet {Table} {setName} {{ {addr} }}\n";
    }

    public string Flush(AutoBanSet set)
        => $"flush set inet {Table} {SetName(set, false)}\nflush set inet {Table} {SetName(set, true)}\n";
}
