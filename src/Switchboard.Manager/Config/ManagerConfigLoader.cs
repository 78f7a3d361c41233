using System.Globalization;
using System.Net;
using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;

namespace Switchboard.Manager.Config;

/// <summary>Builds a <see cref="ManagerConfig"/> from manager.conf; every bad line becomes a diagnostic with file:line.</summary>
public static class ManagerConfigLoader
{
    private static readonly string[] IgnoredGeneral =
    [
        "webenabled", "httptimeout", "debug", "channelvars", "manager_decode_url", "tlsenable", "tlsbindport",
        "tlsbindaddr", "tlscertfile", "tlsprivatekey", "tlscipher", "brokeneventsaction", "block-sockets",
    ];

    /// <summary>Reads the document; a missing document (null) means AMI is disabled, as in Asterisk.</summary>
    public static ManagerConfig Load(ConfDocument? document, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (document is null)
        {
            return ManagerConfig.Disabled;
        }

        var config = new ManagerConfig();
        var users = new Dictionary<string, ManagerUser>(StringComparer.OrdinalIgnoreCase);
        foreach (var category in document.Concrete())
        {
            if (category.Is("general"))
            {
                config = ReadGeneral(category, config, diagnostics);
            }
            else
            {
                var user = ReadUser(category, config, diagnostics);
                if (user is null)
                {
                    continue;
                }

                if (users.ContainsKey(user.Name))
                {
                    diagnostics.Warning(category.File, category.Line, $"manager user '{user.Name}' is defined again; the later one is used");
                }

                users[user.Name] = user;
            }
        }

        return config with { Users = users };
    }

    private static ManagerConfig ReadGeneral(ConfCategory category, ManagerConfig config, DiagnosticBag diagnostics)
    {
        foreach (var e in category.Entries)
        {
            switch (e.Key.ToLowerInvariant())
            {
                case "enabled":
                    config = config with { Enabled = Bool(e, diagnostics, config.Enabled) };
                    break;
                case "port":
                    config = config with { Port = Int(e, diagnostics, 1, 65535, config.Port) };
                    break;
                case "bindaddr":
                    if (IPAddress.TryParse(e.Value, out var bind))
                    {
                        config = config with { BindAddress = bind };
                    }
                    else
                    {
                        diagnostics.Error(e.File, e.Line, $"bindaddr '{e.Value}' is not an IP address");
                    }

                    break;
                case "displayconnects":
                    config = config with { DisplayConnects = Bool(e, diagnostics, config.DisplayConnects) };
                    break;
                case "timestampevents":
                    config = config with { TimestampEvents = Bool(e, diagnostics, config.TimestampEvents) };
                    break;
                case "allowmultiplelogin":
                    config = config with { AllowMultipleLogin = Bool(e, diagnostics, config.AllowMultipleLogin) };
                    break;
                case "authtimeout":
                    config = config with { AuthTimeout = TimeSpan.FromSeconds(Int(e, diagnostics, 1, 3600, (int)config.AuthTimeout.TotalSeconds)) };
                    break;
                case "authlimit":
                    config = config with { AuthLimit = Int(e, diagnostics, 1, 10000, config.AuthLimit) };
                    break;
                case "maxconnections":
                    config = config with { MaxConnections = Int(e, diagnostics, 1, 100000, config.MaxConnections) };
                    break;
                default:
                    if (Array.IndexOf(IgnoredGeneral, e.Key.ToLowerInvariant()) < 0)
                    {
                        diagnostics.Warning(e.File, e.Line, $"manager.conf [general] option '{e.Key}' is not supported and is ignored");
                    }

                    break;
            }
        }

        return config;
    }

    private static ManagerUser? ReadUser(ConfCategory category, ManagerConfig general, DiagnosticBag diagnostics)
    {
        string? secret = null;
        var rules = new List<AclRule>();
        var filters = new List<string>();
        AmiClass read = AmiClass.None, write = AmiClass.None;
        bool displayConnects = general.DisplayConnects;
        foreach (var e in category.Entries)
        {
            switch (e.Key.ToLowerInvariant())
            {
                case "secret":
                    secret = e.Value;
                    break;
                case "permit":
                case "deny":
                    if (AclRule.TryParse(e.Is("permit"), e.Value, out var rule, out var error))
                    {
                        rules.Add(rule!);
                    }
                    else
                    {
                        diagnostics.Error(e.File, e.Line, $"{e.Key}: {error}");
                    }

                    break;
                case "read":
                    read = Classes(e, diagnostics);
                    break;
                case "write":
                    write = Classes(e, diagnostics);
                    break;
                case "eventfilter":
                    filters.Add(e.Value);
                    break;
                case "displayconnects":
                    displayConnects = Bool(e, diagnostics, displayConnects);
                    break;
                case "writetimeout":
                case "allowmultiplelogin":
                    break;
                default:
                    diagnostics.Warning(e.File, e.Line, $"manager user option '{e.Key}' is not supported and is ignored");
                    break;
            }
        }

        if (string.IsNullOrEmpty(secret))
        {
            diagnostics.Error(category.File, category.Line, $"manager user '{category.Name}' has no secret; the user is ignored");
            return null;
        }

        return new ManagerUser
        {
            Name = category.Name,
            Secret = secret,
            Acl = rules.Count == 0 ? ManagerAcl.AllowAll : new ManagerAcl(rules),
            Read = read,
            Write = write,
            EventFilters = filters,
            DisplayConnects = displayConnects,
            File = category.File,
            Line = category.Line,
        };
    }

    private static AmiClass Classes(ConfEntry e, DiagnosticBag diagnostics)
    {
        var unknown = new List<string>();
        var result = AmiClasses.Parse(e.Value, unknown);
        foreach (var name in unknown)
        {
            diagnostics.Warning(e.File, e.Line, $"{e.Key}: unknown class '{name}' is ignored");
        }

        return result;
    }

    internal static bool TryParseBool(string value, out bool result)
    {
        switch (value.Trim().ToLowerInvariant())
        {
            case "yes" or "true" or "y" or "t" or "1" or "on":
                result = true;
                return true;
            case "no" or "false" or "n" or "f" or "0" or "off":
                result = false;
                return true;
            default:
                result = false;
                return false;
        }
    }

    private static bool Bool(ConfEntry e, DiagnosticBag diagnostics, bool fallback)
    {
        if (TryParseBool(e.Value, out var b))
        {
            return b;
        }

        diagnostics.Error(e.File, e.Line, $"{e.Key}: '{e.Value}' is not yes or no");
        return fallback;
    }

    private static int Int(ConfEntry e, DiagnosticBag diagnostics, int min, int max, int fallback)
    {
        if (int.TryParse(e.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max)
        {
            return v;
        }

        diagnostics.Error(e.File, e.Line, $"{e.Key}: '{e.Value}' is not a number from {min} to {max}");
        return fallback;
    }
}
