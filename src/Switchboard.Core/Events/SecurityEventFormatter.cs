using System.Globalization;
using System.Text;

namespace Switchboard.Core.Events;

/// <summary>
/// Formats a security event as one line in Asterisk's security log style
/// (<c>SecurityEvent="InvalidPassword",EventTV="...",Severity="Error",Service="PJSIP",...</c>). Values from the network are
/// escaped: quotes and backslashes get a backslash, control characters (CR, LF ...) become <c>\xNN</c>, so nobody
/// can forge a line (fail2ban-style log injection through a user name).
/// </summary>
public static class SecurityEventFormatter
{
    public static string Format(SecurityEvent e)
    {
        var sb = new StringBuilder(256);
        Append(sb, "SecurityEvent", e.Type.ToString(), first: true);
        Append(sb, "EventTV", e.Time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture));
        Append(sb, "Severity", e.Severity);
        Append(sb, "Service", e.Service);
        Append(sb, "EventVersion", e.EventVersion.ToString(CultureInfo.InvariantCulture));
        Append(sb, "AccountID", e.AccountId);
        Append(sb, "SessionID", e.SessionId);
        Append(sb, "LocalAddress", e.LocalAddress.ToString());
        Append(sb, "RemoteAddress", e.RemoteAddress.ToString());
        foreach (var (k, v) in e.Fields)
        {
            Append(sb, k, v);
        }

        return sb.ToString();
    }

    /// <summary>Escapes a value for a one-line log or a protocol line.</summary>
    public static string Escape(string value)
    {
        StringBuilder? sb = null;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            string? rep = c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when char.IsControl(c) => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => null,
            };
            if (rep is null)
            {
                sb?.Append(c);
                continue;
            }

            sb ??= new StringBuilder(value.Length + 8).Append(value, 0, i);
            sb.Append(rep);
        }

        return sb?.ToString() ?? value;
    }

    private static void Append(StringBuilder sb, string key, string value, bool first = false)
    {
        if (!first)
        {
            sb.Append(',');
        }

        sb.Append(key).Append("=\"").Append(Escape(value)).Append('"');
    }
}
