using System.Globalization;
using Switchboard.AutoBan.Addressing;

namespace Switchboard.AutoBan.Configuration;

/// <summary>
/// Reads autoban.conf. AutoBan is enabled when the file exists and <c>enabled</c> is not false. Sections:
/// <c>[autoban]</c> (enabled, maxcount, watchtime, jailtime, repeatmult; also ipv6prefix, whitelist, blacklist),
/// <c>[nftables]</c> (enabled, cmd, table; family is always inet here) and <c>[asmanager]</c> (ignored: AutoBan is
/// built in and needs no AMI login). Bad values are reported with file:line and keep their default.
/// </summary>
public static class AutoBanConfigLoader
{
    public static AutoBanConfig Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return new AutoBanConfig(AutoBanOptions.Default with { Enabled = false }, []);
        }

        var diagnostics = new List<ConfDiagnostic>();
        using var reader = new StreamReader(path);
        var entries = SimpleConfReader.Read(reader, Path.GetFileName(path), diagnostics);
        return FromEntries(entries, diagnostics);
    }

    /// <summary>Reads the text of an autoban.conf (for tests and for the shared config parser's output).</summary>
    public static AutoBanConfig Parse(string text, string file = "autoban.conf")
    {
        var diagnostics = new List<ConfDiagnostic>();
        var entries = SimpleConfReader.Read(new StringReader(text), file, diagnostics);
        return FromEntries(entries, diagnostics);
    }

    /// <summary>Builds the options from parsed entries (the seam for Switchboard.Config's parser).</summary>
    public static AutoBanConfig FromEntries(IEnumerable<ConfEntry> entries, List<ConfDiagnostic>? diagnostics = null)
    {
        diagnostics ??= [];
        var o = AutoBanOptions.Default;
        var white = new List<string>();
        var black = new List<string>();
        var addressEntries = new List<(ConfEntry Entry, List<string> Target)>();
        foreach (var e in entries)
        {
            switch (e.Section)
            {
                case "autoban":
                    o = ApplyAutoBan(o, e, diagnostics, white, black, addressEntries);
                    break;
                case "nftables":
                    o = ApplyNftables(o, e, diagnostics);
                    break;
                case "asmanager":
                    break;
                default:
                    diagnostics.Add(new ConfDiagnostic(e.File, e.Line, $"unknown section [{e.Section}] (key '{e.Key}' ignored)"));
                    break;
            }
        }

        foreach (var (entry, target) in addressEntries)
        {
            AddAddresses(entry, target, o.Ipv6PrefixLength, diagnostics);
        }

        o = o with { Whitelist = white, Blacklist = black };
        var ordered = diagnostics.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ToArray();
        return new AutoBanConfig(o, ordered);
    }

    private static AutoBanOptions ApplyAutoBan(AutoBanOptions o, ConfEntry e, List<ConfDiagnostic> d, List<string> white,
        List<string> black, List<(ConfEntry, List<string>)> addressEntries)
    {
        switch (e.Key)
        {
            case "enabled":
                return TryBool(e, d, out bool enabled) ? o with { Enabled = enabled } : o;
            case "maxcount":
                if (int.TryParse(e.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int max) && max >= 1)
                {
                    return o with { MaxCount = max };
                }

                d.Add(new ConfDiagnostic(e.File, e.Line, $"maxcount '{e.Value}' is not a whole number >= 1; using {o.MaxCount}"));
                return o;
            case "watchtime":
                return TryTime(e, d, out var watch) ? o with { WatchTime = watch } : o;
            case "jailtime":
                return TryTime(e, d, out var jail) ? o with { JailTime = jail } : o;
            case "repeatmult":
                if (double.TryParse(e.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double mult) && mult >= 1 && mult <= 1e6)
                {
                    return o with { RepeatMult = mult };
                }

                d.Add(new ConfDiagnostic(e.File, e.Line, $"repeatmult '{e.Value}' is not a number from 1 to 1000000; using {o.RepeatMult.ToString(CultureInfo.InvariantCulture)}"));
                return o;
            case "ipv6prefix":
                if (int.TryParse(e.Value.TrimStart('/'), NumberStyles.None, CultureInfo.InvariantCulture, out int prefix) && prefix is >= 16 and <= 128)
                {
                    return o with { Ipv6PrefixLength = prefix };
                }

                d.Add(new ConfDiagnostic(e.File, e.Line, $"ipv6prefix '{e.Value}' is not a prefix length from 16 to 128; using {o.Ipv6PrefixLength}"));
                return o;
            case "whitelist":
                addressEntries.Add((e, white));
                return o;
            case "blacklist":
                addressEntries.Add((e, black));
                return o;
            default:
                d.Add(new ConfDiagnostic(e.File, e.Line, $"unknown key '{e.Key}' in [autoban] ignored"));
                return o;
        }
    }

    private static AutoBanOptions ApplyNftables(AutoBanOptions o, ConfEntry e, List<ConfDiagnostic> d)
    {
        switch (e.Key)
        {
            case "enabled":
                return TryBool(e, d, out bool enabled) ? o with { NftEnabled = enabled } : o;
            case "cmd":
                if (e.Value.Length > 0 && !e.Value.Contains(' ', StringComparison.Ordinal))
                {
                    return o with { NftCommand = e.Value };
                }

                d.Add(new ConfDiagnostic(e.File, e.Line, $"cmd '{e.Value}' must be one program name or path (no arguments); using {o.NftCommand}"));
                return o;
            case "table":
                if (IsNftName(e.Value))
                {
                    return o with { NftTable = e.Value };
                }

                d.Add(new ConfDiagnostic(e.File, e.Line, $"table '{e.Value}' is not a valid nft table name; using {o.NftTable}"));
                return o;
            case "family":
                if (!string.Equals(e.Value, "inet", StringComparison.OrdinalIgnoreCase))
                {
                    d.Add(new ConfDiagnostic(e.File, e.Line, $"family '{e.Value}' ignored: the table is always 'inet' (IPv4 and IPv6)"));
                }

                return o;
            default:
                d.Add(new ConfDiagnostic(e.File, e.Line, $"unknown key '{e.Key}' in [nftables] ignored"));
                return o;
        }
    }

    private static void AddAddresses(ConfEntry e, List<string> target, int v6Prefix, List<ConfDiagnostic> d)
    {
        foreach (var range in e.Value.AsSpan().SplitAny(", \t"))
        {
            var item = e.Value.AsSpan()[range];
            if (item.IsEmpty)
            {
                continue;
            }

            if (BanAddress.TryParse(item, v6Prefix, out var addr))
            {
                target.Add(addr.ToString());
            }
            else
            {
                d.Add(new ConfDiagnostic(e.File, e.Line, $"{e.Key}: '{item}' is not an IP address (networks are not supported) - ignored"));
            }
        }
    }

    private static bool TryTime(ConfEntry e, List<ConfDiagnostic> d, out TimeSpan value)
    {
        if (DurationSyntax.TryParse(e.Value, out value, out string error))
        {
            return true;
        }

        d.Add(new ConfDiagnostic(e.File, e.Line, $"{e.Key}: {error}; keeping the default"));
        return false;
    }

    /// <summary>PHP ini booleans: empty/no/false/off/none/null/0 are false; yes/true/on/1 are true.</summary>
    private static bool TryBool(ConfEntry e, List<ConfDiagnostic> d, out bool value)
    {
        switch (e.Value.Trim().ToLowerInvariant())
        {
            case "" or "no" or "false" or "off" or "none" or "null" or "0":
                value = false;
                return true;
            case "yes" or "true" or "on" or "1":
                value = true;
                return true;
            default:
                d.Add(new ConfDiagnostic(e.File, e.Line, $"{e.Key} '{e.Value}' is not yes/no; keeping the default"));
                value = default;
                return false;
        }
    }

    internal static bool IsNftName(string name)
    {
        if (name.Length is 0 or > 64 || !char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '_' and not '-')
            {
                return false;
            }
        }

        return true;
    }
}
