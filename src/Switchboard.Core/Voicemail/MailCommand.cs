using System.Globalization;

namespace Switchboard.Core.Voicemail;

/// <summary>
/// Reads PrivateDial's <c>mailcmd = minivm-send -H host:port [-e] [-f from] [-P smtp|smtps|tls|starttls] [-u user]
/// [-p pass]</c> into <see cref="SmtpSettings"/>; nothing is executed. Other programs (sendmail ...) are not run
/// either: they are reported so that the smtp* keys can be used instead.
/// </summary>
public static class MailCommand
{
    public static bool TryParse(string command, out SmtpSettings settings, out string? error)
    {
        settings = new SmtpSettings();
        error = null;
        var words = Tokenize(command);
        if (words.Count == 0)
        {
            error = "mailcmd is empty";
            return false;
        }

        if (!Path.GetFileName(words[0]).Equals("minivm-send", StringComparison.Ordinal))
        {
            error = $"mailcmd '{words[0]}' is not run (no shell); use minivm-send arguments or the smtp* keys";
            return false;
        }

        string? hostText = null;
        for (int i = 1; i < words.Count; i++)
        {
            string w = words[i];
            if (w == "-e")
            {
                continue;
            }

            if (w.Length != 2 || w[0] != '-' || i + 1 >= words.Count)
            {
                error = $"mailcmd: unexpected argument '{w}'";
                return false;
            }

            string value = words[++i];
            switch (w[1])
            {
                case 'H':
                    hostText = value;
                    break;
                case 'P':
                    if (!TryParseSecurity(value, out var security))
                    {
                        error = $"mailcmd: unknown protocol '{value}' (smtp, smtps, tls, starttls)";
                        return false;
                    }

                    settings = settings with { Security = security };
                    break;
                case 'u':
                    settings = settings with { User = value };
                    break;
                case 'p':
                    settings = settings with { Password = value };
                    break;
                case 'f':
                    settings = settings with { EnvelopeFrom = value };
                    break;
                default:
                    error = $"mailcmd: unknown option '{w}'";
                    return false;
            }
        }

        // The port depends on -P when -H names none, whatever their order.
        if (!TryParseHost(hostText ?? "localhost", settings.Security, out var host, out int port, out error))
        {
            return false;
        }

        settings = settings with { Host = host, Port = port };
        return true;
    }

    public static bool TryParseSecurity(string value, out SmtpSecurity security)
    {
        switch (value.Trim().ToLowerInvariant())
        {
            case "smtp" or "none" or "":
                security = SmtpSecurity.None;
                return true;
            case "smtps" or "tls" or "ssl":
                security = SmtpSecurity.SslOnConnect;
                return true;
            case "starttls":
                security = SmtpSecurity.StartTls;
                return true;
            default:
                security = SmtpSecurity.None;
                return false;
        }
    }

    /// <summary>host, host:port, [v6]:port; without a port 25 (465 for smtps).</summary>
    public static bool TryParseHost(string value, SmtpSecurity security, out string host, out int port, out string? error)
    {
        error = null;
        host = value;
        port = security == SmtpSecurity.SslOnConnect ? 465 : 25;
        string portText = string.Empty;
        if (value.StartsWith('['))
        {
            int close = value.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                error = $"mailcmd: bad host '{value}'";
                return false;
            }

            host = value[1..close];
            portText = close + 1 < value.Length && value[close + 1] == ':' ? value[(close + 2)..] : string.Empty;
        }
        else if (value.IndexOf(':', StringComparison.Ordinal) is int colon and >= 0 && value.LastIndexOf(':') == colon)
        {
            host = value[..colon];
            portText = value[(colon + 1)..];
        }

        if (portText.Length > 0 && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            error = $"mailcmd: bad port in '{value}'";
            return false;
        }

        if (host.Length == 0)
        {
            error = $"mailcmd: bad host '{value}'";
            return false;
        }

        return true;
    }

    /// <summary>Splits on blanks; single and double quotes group words.</summary>
    internal static List<string> Tokenize(string command)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        char quote = '\0';
        bool inWord = false;
        foreach (char c in command)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
