using System.Globalization;
using Switchboard.AutoBan.Addressing;
using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;

namespace Switchboard.AutoBan.Configuration;

/// <summary>
/// Reads autoban.conf. AutoBan is enabled when the file exists and <c>enabled</c> is not false. Sections:
/// <c>[autoban]</c> (enabled, maxcount, watchtime, jailtime, repeatmult; also ipv6prefix, whitelist, blacklist),
/// <c>[nftables]</c> (enabled, cmd, table; family is always inet here) and <c>[asmanager]</c> (ignored: AutoBan is
/// built in and needs no AMI login). Parsed with Switchboard.Config's .conf parser (includes, comments); values may be
/// quoted as in the reference's PHP ini file. Bad values are reported with file:line and keep their default.
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

        var full = Path.GetFullPath(path);
        var source = new DirectoryConfigFileSource(Path.GetDirectoryName(full)!);
        var bag = new DiagnosticBag();
        var doc = ConfParser.Parse(source, Path.GetFileName(full), bag);
        if (doc.Files.Count == 0)
        {
            // The file exists but cannot be read: AutoBan was wanted, so run with the defaults rather than not at all.
            bag.Warning(Path.GetFileName(full), 0, "using the AutoBan defaults");
            return new AutoBanConfig(AutoBanOptions.Default, bag.Items.ToArray());
        }

        return FromDocument(doc, bag);
    }

    /// <summary>Reads the text of an autoban.conf (tests, and text from elsewhere).</summary>
    public static AutoBanConfig Parse(string text, string file = "autoban.conf")
    {
        var bag = new DiagnosticBag();
        var doc = ConfParser.ParseText(file, text, bag);
        return FromDocument(doc, bag);
    }

    /// <summary>Builds the options from a parsed autoban.conf; problems are added to <paramref name="diagnostics"/>.</summary>
    public static AutoBanConfig FromDocument(ConfDocument document, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var o = AutoBanOptions.Default;
        var white = new List<string>();
        var black = new List<string>();
        var addressEntries = new List<(Setting Entry, List<string> Target)>();
        foreach (var category in document.Categories)
        {
            var section = category.Name.ToLowerInvariant();
            foreach (var entry in category.Entries)
            {
                var e = new Setting(entry.Key.ToLowerInvariant(), Unquote(entry.Value), entry.File, entry.Line);
                switch (section)
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
                        diagnostics.Warning(e.File, e.Line, $"unknown section [{category.Name}] (key '{e.Key}' ignored)");
                        break;
                }
            }
        }

        foreach (var (entry, target) in addressEntries)
        {
            AddAddresses(entry, target, o.Ipv6PrefixLength, diagnostics);
        }

        o = o with { Whitelist = white, Blacklist = black };
        var ordered = diagnostics.Items.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ToArray();
        return new AutoBanConfig(o, ordered);
    }

    /// <summary>The reference reads PHP ini files, where values may be quoted.</summary>
    private static string Unquote(string value)
    {
        value = value.Trim();
        return value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;
    }

    private static AutoBanOptions ApplyAutoBan(AutoBanOptions o, Setting e, DiagnosticBag d, List<string> white,
        List<string> black, List<(Setting, List<string>)> addressEntries)
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

                d.Warning(e.File, e.Line, $"maxcount '{e.Value}' is not a whole number >= 1; using {o.MaxCount}");
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

                d.Warning(e.File, e.Line, $"repeatmult '{e.Value}' is not a number from 1 to 1000000; using {o.RepeatMult.ToString(CultureInfo.InvariantCulture)}");
                return o;
            case "ipv6prefix":
                if (int.TryParse(e.Value.TrimStart('/'), NumberStyles.None, CultureInfo.InvariantCulture, out int prefix) && prefix is >= 16 and <= 128)
                {
                    return o with { Ipv6PrefixLength = prefix };
                }

                d.Warning(e.File, e.Line, $"ipv6prefix '{e.Value}' is not a prefix length from 16 to 128; using {o.Ipv6PrefixLength}");
                return o;
            case "whitelist":
                addressEntries.Add((e, white));
                return o;
            case "blacklist":
                addressEntries.Add((e, black));
                return o;
            default:
                d.Warning(e.File, e.Line, $"unknown key '{e.Key}' in [autoban] ignored");
                return o;
        }
    }

    private static AutoBanOptions ApplyNftables(AutoBanOptions o, Setting e, DiagnosticBag d)
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

                d.Warning(e.File, e.Line, $"cmd '{e.Value}' must be one program name or path (no arguments); using {o.NftCommand}");
                return o;
            case "table":
                if (IsNftName(e.Value))
                {
                    return o with { NftTable = e.Value };
                }

                d.Warning(e.File, e.Line, $"table '{e.Value}' is not a valid nft table name; using {o.NftTable}");
                return o;
            case "family":
                if (!string.Equals(e.Value, "inet", StringComparison.OrdinalIgnoreCase))
                {
                    d.Warning(e.File, e.Line, $"family '{e.Value}' ignored: the table is always 'inet' (IPv4 and IPv6)");
                }

                return o;
            default:
                d.Warning(e.File, e.Line, $"unknown key '{e.Key}' in [nftables] ignored");
                return o;
        }
    }

    private static void AddAddresses(Setting e, List<string> target, int v6Prefix, DiagnosticBag d)
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
                d.Warning(e.File, e.Line, $"{e.Key}: '{item}' is not an IP address (networks are not supported) - ignored");
            }
        }
    }

    private static bool TryTime(Setting e, DiagnosticBag d, out TimeSpan value)
    {
        if (DurationSyntax.TryParse(e.Value, out value, out string error))
        {
            return true;
        }

        d.Warning(e.File, e.Line, $"{e.Key}: {error}; keeping the default");
        return false;
    }

    /// <summary>PHP ini booleans: empty/no/false/off/none/null/0 are false; yes/true/on/1 are true.</summary>
    private static bool TryBool(Setting e, DiagnosticBag d, out bool value)
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
                d.Warning(e.File, e.Line, $"{e.Key} '{e.Value}' is not yes/no; keeping the default");
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

    private readonly record struct Setting(string Key, string Value, string File, int Line);
}
