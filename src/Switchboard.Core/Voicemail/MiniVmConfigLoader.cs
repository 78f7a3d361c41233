using System.Globalization;
using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;

namespace Switchboard.Core.Voicemail;

/// <summary>
/// Reads minivm.conf: [general] (mailcmd as PrivateDial's minivm-send arguments, or the explicit keys smtphost,
/// smtpport, smtpsecurity = smtp|smtps|starttls, smtpuser, smtppassword, smtpfrom, smtpinsecure = yes to accept
/// self-signed certificates; format, minmessage, maxmessage, maxsilence, silencethreshold; maxattempts = failed deliveries before a mail goes to the outbox's failed/ folder; timezone, and dateformat /
/// locale as defaults of the templates; logfile is ignored), [zonemessages] (name = Zone/Id|format, named by an
/// account's timezone), [template-NAME] sections, and [user@domain] accounts. Problems are reported with file:line and the rest loads.
/// </summary>
public static class MiniVmConfigLoader
{
    public static MiniVmConfig Load(ConfDocument? document, Action<ConfigDiagnostic>? report = null)
    {
        if (document is null)
        {
            return MiniVmConfig.Default;
        }

        void Warn(string file, int line, string message) => report?.Invoke(new ConfigDiagnostic(DiagnosticSeverity.Warning, file, line, message));

        var config = new MiniVmConfig();
        var templates = new Dictionary<string, MiniVmTemplate>(StringComparer.OrdinalIgnoreCase);
        var accounts = new Dictionary<string, MiniVmAccount>(StringComparer.OrdinalIgnoreCase);
        var zones = new Dictionary<string, TimeZoneInfo>(StringComparer.OrdinalIgnoreCase);
        var inherit = new Dictionary<string, (bool DateFormat, bool Locale)>(StringComparer.OrdinalIgnoreCase);
        string? dateFormat = null, locale = null;
        foreach (var category in document.Concrete())
        {
            if (category.Is("general"))
            {
                config = ReadGeneral(config, category, Warn);
                dateFormat = Last(category, "dateformat") ?? dateFormat;
                locale = Last(category, "locale") ?? locale;
            }
            else if (category.Is("zonemessages"))
            {
                ReadZones(category, zones, Warn);
            }
            else if (category.Name.StartsWith("template-", StringComparison.OrdinalIgnoreCase))
            {
                var t = ReadTemplate(category, Warn);
                templates[t.Name] = t;
                inherit[t.Name] = (Last(category, "dateformat") is null, Last(category, "locale") is null);
            }
            else if (category.Name.Contains('@', StringComparison.Ordinal))
            {
                if (!Mailbox.TryParse(category.Name, out var mailbox, out var error))
                {
                    Warn(category.File, category.Line, error!);
                    continue;
                }

                accounts[mailbox.ToString()] = ReadAccount(mailbox, category, Warn);
            }
            else
            {
                Warn(category.File, category.Line, $"minivm.conf: section [{category.Name}] is not general, template-NAME or user@domain; ignored");
            }
        }

        // [general] dateformat and locale are the defaults of templates that set none.
        foreach (var (name, (inheritFormat, inheritLocale)) in inherit)
        {
            var t = templates[name];
            templates[name] = t with
            {
                DateFormat = inheritFormat && dateFormat is not null ? dateFormat : t.DateFormat,
                Locale = inheritLocale ? locale : t.Locale,
            };
        }

        foreach (var category in document.Concrete())
        {
            if (category.Is("general"))
            {
                CheckLocale(category, Warn);
            }
            else if (category.Name.StartsWith("template-", StringComparison.OrdinalIgnoreCase))
            {
                CheckLocale(category, Warn);
            }
        }

        return config with { Templates = templates, Accounts = accounts, Zones = zones };
    }

    private static string? Last(ConfCategory category, string key)
    {
        string? value = null;
        foreach (var e in category.Entries)
        {
            if (e.Key.Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                value = e.Value.Trim();
            }
        }

        return value;
    }

    private static void CheckLocale(ConfCategory category, Action<string, int, string> warn)
    {
        foreach (var e in category.Entries)
        {
            if (e.Key.Equals("locale", StringComparison.OrdinalIgnoreCase) && !MiniVmLocale.TryGet(e.Value, out _))
            {
                warn(e.File, e.Line, $"minivm.conf: locale '{e.Value.Trim()}' has no day and month names here; ${{MVM_DATE}} uses English names");
            }
        }
    }

    /// <summary>[zonemessages]: name = Zone/Id|format (the format, for spoken dates, is not used).</summary>
    private static void ReadZones(ConfCategory category, Dictionary<string, TimeZoneInfo> zones, Action<string, int, string> warn)
    {
        foreach (var e in category.Entries)
        {
            string id = e.Value.Split('|', 2)[0].Trim();
            if (MiniVmDate.FindZone(id) is { } zone)
            {
                zones[e.Key.Trim()] = zone;
            }
            else
            {
                warn(e.File, e.Line, $"minivm.conf [zonemessages]: time zone '{id}' is not known; {e.Key} ignored");
            }
        }
    }

    private static MiniVmConfig ReadGeneral(MiniVmConfig config, ConfCategory category, Action<string, int, string> warn)
    {
        SmtpSettings? fromCommand = null;
        ConfEntry? host = null;
        int? port = null;
        SmtpSecurity? security = null;
        string? user = null, password = null, from = null;
        bool insecure = false;
        foreach (var e in category.Entries)
        {
            string v = e.Value.Trim();
            switch (e.Key.ToLowerInvariant())
            {
                case "mailcmd":
                    if (MailCommand.TryParse(v, out var parsed, out var error))
                    {
                        fromCommand = parsed;
                    }
                    else
                    {
                        warn(e.File, e.Line, error!);
                    }

                    break;
                case "smtphost":
                    host = e;
                    break;
                case "smtpport":
                    if (int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int p) && p is > 0 and < 65536)
                    {
                        port = p;
                    }
                    else
                    {
                        warn(e.File, e.Line, $"smtpport '{v}' is not a port");
                    }

                    break;
                case "smtpsecurity":
                    if (MailCommand.TryParseSecurity(v, out var s))
                    {
                        security = s;
                    }
                    else
                    {
                        warn(e.File, e.Line, $"smtpsecurity '{v}' is not smtp, smtps or starttls");
                    }

                    break;
                case "smtpuser":
                    user = v;
                    break;
                case "smtppassword":
                    password = v;
                    break;
                case "smtpfrom":
                    from = v;
                    break;
                case "smtpinsecure":
                    insecure = IsTrue(v);
                    break;
                case "format":
                    config = config with { Format = v.Split('|', 2)[0].Trim().ToLowerInvariant() };
                    break;
                case "minmessage":
                    config = config with { MinMessage = Seconds(e, warn, config.MinMessage) };
                    break;
                case "maxmessage":
                    config = config with { MaxMessage = Seconds(e, warn, config.MaxMessage) };
                    break;
                case "maxsilence":
                    config = config with { MaxSilence = Seconds(e, warn, config.MaxSilence) };
                    break;
                case "silencethreshold":
                    if (int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int th))
                    {
                        config = config with { SilenceThreshold = th };
                    }
                    else
                    {
                        warn(e.File, e.Line, $"silencethreshold '{v}' is not a number");
                    }

                    break;
                case "timezone":
                    if (MiniVmDate.FindZone(v) is { } zone)
                    {
                        config = config with { TimeZone = zone };
                    }
                    else
                    {
                        warn(e.File, e.Line, $"minivm.conf [general]: time zone '{v}' is not known; dates use the server's zone");
                    }

                    break;
                case "maxattempts" or "max_attempts":
                    if (int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int attempts))
                    {
                        config = config with { MailMaxAttempts = attempts };
                    }
                    else
                    {
                        warn(e.File, e.Line, $"maxattempts '{v}' is not a number (0 = retry for ever)");
                    }

                    break;
                case "dateformat" or "locale":
                    break;
                case "logfile" or "externnotify" or "serveremail" or "emaildateformat" or "charset" or "pagerdateformat" or "maxgreet" or "skipms":
                    break;
                default:
                    warn(e.File, e.Line, $"minivm.conf [general]: unknown option '{e.Key}' ignored");
                    break;
            }
        }

        // Explicit smtp* keys override what mailcmd said.
        var smtp = fromCommand;
        if (host is not null || port is not null || security is not null || user is not null || password is not null || from is not null)
        {
            var b = fromCommand ?? new SmtpSettings();
            var sec = security ?? b.Security;
            string h = b.Host;
            int pt = port ?? b.Port;
            if (host is not null)
            {
                if (MailCommand.TryParseHost(host.Value.Trim(), sec, out var parsedHost, out int parsedPort, out var hostError))
                {
                    h = parsedHost;
                    pt = host.Value.Contains(':', StringComparison.Ordinal) && !host.Value.Trim().StartsWith('[') || host.Value.Contains("]:", StringComparison.Ordinal) ? parsedPort : port ?? parsedPort;
                }
                else
                {
                    warn(host.File, host.Line, hostError!);
                }
            }
            else if (port is null && fromCommand is null)
            {
                pt = sec == SmtpSecurity.SslOnConnect ? 465 : 25;
            }

            smtp = b with { Host = h, Port = pt, Security = sec, User = user ?? b.User, Password = password ?? b.Password, EnvelopeFrom = from ?? b.EnvelopeFrom };
        }

        if (smtp is not null && insecure)
        {
            smtp = smtp with { AllowInvalidCertificate = true };
        }

        return config with { Smtp = smtp };
    }

    private static MiniVmTemplate ReadTemplate(ConfCategory category, Action<string, int, string> warn)
    {
        var t = new MiniVmTemplate { Name = category.Name["template-".Length..] };
        foreach (var e in category.Entries)
        {
            string v = e.Value.Trim();
            t = e.Key.ToLowerInvariant() switch
            {
                "fromemail" => t with { FromEmail = v },
                "fromaddress" => t with { FromAddress = v },
                "subject" => t with { Subject = v },
                "messagebody" => t with { MessageBody = v },
                "charset" => t with { Charset = v },
                "attachmedia" => t with { AttachMedia = IsTrue(v) },
                "dateformat" => t with { DateFormat = v },
                "locale" => t with { Locale = v },
                "contenttype" => t with { ContentType = v },
                _ => Unknown(t, e, warn),
            };
        }

        return t;
    }

    private static MiniVmTemplate Unknown(MiniVmTemplate t, ConfEntry e, Action<string, int, string> warn)
    {
        warn(e.File, e.Line, $"minivm.conf [template-{t.Name}]: option '{e.Key}' is not supported; ignored");
        return t;
    }

    private static MiniVmAccount ReadAccount(Mailbox mailbox, ConfCategory category, Action<string, int, string> warn)
    {
        var a = new MiniVmAccount { Mailbox = mailbox, FullName = mailbox.User, IsStatic = true };
        var vars = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in category.Entries)
        {
            string v = e.Value.Trim();
            switch (e.Key.ToLowerInvariant())
            {
                case "fullname": a = a with { FullName = v }; break;
                case "email": a = a with { Email = v }; break;
                case "etemplate": a = a with { EmailTemplate = v }; break;
                case "accountcode": a = a with { AccountCode = v }; break;
                case "pincode": a = a with { PinCode = v }; break;
                case "timezone": a = a with { TimeZone = v }; break;
                case "language": a = a with { Language = v }; break;
                case "setvar":
                    int eq = v.IndexOf('=', StringComparison.Ordinal);
                    if (eq > 0)
                    {
                        vars[v[..eq].Trim()] = v[(eq + 1)..].Trim();
                    }
                    else
                    {
                        warn(e.File, e.Line, $"setvar '{v}' is not NAME=value");
                    }

                    break;
                case "pager" or "ptemplate" or "zonemessage" or "serveremail" or "volgain":
                    break;
                default:
                    warn(e.File, e.Line, $"minivm.conf [{mailbox}]: unknown option '{e.Key}' ignored");
                    break;
            }
        }

        return a with { Variables = vars };
    }

    private static TimeSpan Seconds(ConfEntry e, Action<string, int, string> warn, TimeSpan fallback)
    {
        if (int.TryParse(e.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int s) && s <= 86400)
        {
            return TimeSpan.FromSeconds(s);
        }

        warn(e.File, e.Line, $"{e.Key} '{e.Value}' is not a number of seconds");
        return fallback;
    }

    private static bool IsTrue(string v) => v.ToLowerInvariant() is "yes" or "true" or "y" or "t" or "1" or "on";
}
