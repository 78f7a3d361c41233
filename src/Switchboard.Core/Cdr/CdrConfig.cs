using Switchboard.Config.Parsing;

namespace Switchboard.Core.Cdr;

/// <summary>
/// cdr.conf as Switchboard reads it: [general] enable (default yes) and the cdr_csv options of [csv] (usegmtime,
/// loguniqueid, loguserfield, accountlogs; Asterisk's sample cdr.conf turns the last three on).
/// </summary>
public sealed record CdrConfig
{
    public static CdrConfig Default { get; } = new();

    public bool Enabled { get; init; } = true;

    public bool UseGmtTime { get; init; }

    public bool LogUniqueId { get; init; } = true;

    public bool LogUserField { get; init; } = true;

    /// <summary>Also write a row to cdr-csv/&lt;accountcode&gt;.csv when the channel has an account code.</summary>
    public bool AccountLogs { get; init; } = true;

    public static CdrConfig From(ConfDocument? document)
    {
        if (document is null)
        {
            return Default;
        }

        var general = document.Find("general");
        var csv = document.Find("csv");
        return new CdrConfig
        {
            Enabled = Bool(general?.Get("enable"), true),
            UseGmtTime = Bool(csv?.Get("usegmtime"), false),
            LogUniqueId = Bool(csv?.Get("loguniqueid"), true),
            LogUserField = Bool(csv?.Get("loguserfield"), true),
            AccountLogs = Bool(csv?.Get("accountlogs"), true),
        };
    }

    internal static bool Bool(string? value, bool fallback)
    {
        if (value is null)
        {
            return fallback;
        }

        return value.Trim().ToLowerInvariant() switch
        {
            "yes" or "true" or "y" or "t" or "1" or "on" => true,
            "no" or "false" or "n" or "f" or "0" or "off" => false,
            _ => fallback,
        };
    }
}
