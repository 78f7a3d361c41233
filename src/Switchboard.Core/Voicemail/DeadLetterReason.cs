using System.Globalization;
using System.Text;

namespace Switchboard.Core.Voicemail;

/// <summary>The sidecar of a dead letter: a few <c>Key: value</c> lines (time, server, recipient, attempts, permanent, reply).</summary>
public sealed record DeadLetterReason
{
    public DateTimeOffset Time { get; init; }

    public string Server { get; init; } = string.Empty;

    public string Recipient { get; init; } = string.Empty;

    public int Attempts { get; init; }

    /// <summary>True when the server refused the mail with a 5xx reply; false when the attempts ran out.</summary>
    public bool Permanent { get; init; }

    /// <summary>The last SMTP reply or error.</summary>
    public string Reply { get; init; } = string.Empty;

    public string Write()
    {
        var sb = new StringBuilder();
        sb.Append("Time: ").Append(Time.ToString("O", CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("Server: ").Append(OneLine(Server)).Append('\n');
        sb.Append("Recipient: ").Append(OneLine(Recipient)).Append('\n');
        sb.Append("Attempts: ").Append(Attempts.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("Permanent: ").Append(Permanent ? "yes" : "no").Append('\n');
        sb.Append("Reply: ").Append(OneLine(Reply)).Append('\n');
        return sb.ToString();
    }

    public static DeadLetterReason Read(string text)
    {
        var r = new DeadLetterReason();
        foreach (var line in (text ?? string.Empty).Split('\n'))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            string value = line[(colon + 1)..].Trim();
            r = line[..colon].Trim().ToLowerInvariant() switch
            {
                "time" => r with { Time = DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) ? t : default },
                "server" => r with { Server = value },
                "recipient" => r with { Recipient = value },
                "attempts" => r with { Attempts = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int a) ? a : 0 },
                "permanent" => r with { Permanent = value == "yes" },
                "reply" => r with { Reply = value },
                _ => r,
            };
        }

        return r;
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ").Trim();
}
