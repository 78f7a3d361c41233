using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;

namespace Switchboard.Hosting;

/// <summary>
/// The container's environment variables, with the reference image's names and defaults.
/// Bad values fall back to the default and leave a line in <see cref="Warnings"/>.
/// </summary>
internal sealed record HostEnvironment
{
    public const string DefaultAcmeFile = "/acme/acme.json";
    public const int DefaultKeyBits = 2048;
    public const int DefaultCertDays = 30;
    public const int DefaultWebSmsPort = 80;

    /// <summary>SYSLOG_LEVEL 0..8 (default 4).</summary>
    public int SyslogLevel { get; init; } = SyslogLevelMapper.DefaultLevel;

    /// <summary>HOSTNAME, else the machine's host name.</summary>
    public string HostName { get; init; } = "localhost";

    /// <summary>DOMAIN when set, else HOSTNAME minus its first label; empty when HOSTNAME has a single label.</summary>
    public string Domain { get; init; } = "";

    /// <summary>TLS_KEYBITS: RSA size of the self-signed key (default 2048).</summary>
    public int TlsKeyBits { get; init; } = DefaultKeyBits;

    /// <summary>TLS_CERTDAYS: validity of the self-signed certificate (default 30).</summary>
    public int TlsCertDays { get; init; } = DefaultCertDays;

    /// <summary>ACME_FILE: Traefik acme.json to read and watch; null when set to empty (disabled).</summary>
    public string? AcmeFile { get; init; } = DefaultAcmeFile;

    /// <summary>ACME_POSTHOOK: command run after a new ACME certificate was taken; null when unset or empty.</summary>
    public string? AcmePostHook { get; init; }

    /// <summary>WEBSMSD_PORT: WebSMS HTTP port (default 80); null when empty or not a port number (WebSMS disabled).</summary>
    public int? WebSmsPort { get; init; } = DefaultWebSmsPort;

    /// <summary>DOCKER_ENTRY_DIR override of the entry hook directory; null = the data layout's default.</summary>
    public string? EntryHooksDir { get; init; }

    /// <summary>DOCKER_EXIT_DIR override of the exit hook directory; null = the data layout's default.</summary>
    public string? ExitHooksDir { get; init; }

    /// <summary>Problems found while reading the variables (log them once logging is up).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The lowest Microsoft.Extensions.Logging level SYSLOG_LEVEL lets through.</summary>
    public LogLevel MinimumLogLevel => SyslogLevelMapper.MinimumLevel(SyslogLevel);

    /// <summary>Reads the process environment.</summary>
    public static HostEnvironment FromEnvironment() =>
        From(Environment.GetEnvironmentVariable, SafeHostName);

    /// <summary>Reads the variables through <paramref name="get"/> (tests pass a dictionary).</summary>
    public static HostEnvironment From(Func<string, string?> get, Func<string> machineHostName)
    {
        ArgumentNullException.ThrowIfNull(get);
        ArgumentNullException.ThrowIfNull(machineHostName);
        var warnings = new List<string>();

        int syslog = ReadInt(get, "SYSLOG_LEVEL", SyslogLevelMapper.DefaultLevel, 0, SyslogLevelMapper.MaxLevel, warnings);
        string host = Trimmed(get("HOSTNAME")) ?? Trimmed(machineHostName()) ?? "localhost";
        string domain = Trimmed(get("DOMAIN")) ?? DomainOf(host);
        int keyBits = ReadInt(get, "TLS_KEYBITS", DefaultKeyBits, 1024, 16384, warnings);
        if (keyBits % 8 != 0)
        {
            warnings.Add($"TLS_KEYBITS={keyBits} is not a multiple of 8; using {DefaultKeyBits}");
            keyBits = DefaultKeyBits;
        }

        int days = ReadInt(get, "TLS_CERTDAYS", DefaultCertDays, 1, 36500, warnings);
        string? acmeRaw = get("ACME_FILE");
        string? acme = acmeRaw is null ? DefaultAcmeFile : Trimmed(acmeRaw);
        string? postHook = Trimmed(get("ACME_POSTHOOK"));
        int? webSms = ReadWebSmsPort(get("WEBSMSD_PORT"), warnings);

        return new HostEnvironment
        {
            SyslogLevel = syslog,
            HostName = host,
            Domain = domain,
            TlsKeyBits = keyBits,
            TlsCertDays = days,
            AcmeFile = acme,
            AcmePostHook = postHook,
            WebSmsPort = webSms,
            EntryHooksDir = Trimmed(get("DOCKER_ENTRY_DIR")),
            ExitHooksDir = Trimmed(get("DOCKER_EXIT_DIR")),
            Warnings = warnings,
        };
    }

    /// <summary>HOSTNAME minus its first label ("pbx.example.com" -> "example.com"); "" for a single label.</summary>
    public static string DomainOf(string hostName)
    {
        int dot = hostName.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 || dot == hostName.Length - 1 ? "" : hostName[(dot + 1)..];
    }

    private static int? ReadWebSmsPort(string? raw, List<string> warnings)
    {
        if (raw is null)
        {
            return DefaultWebSmsPort;
        }

        string value = raw.Trim();
        if (value.Length == 0)
        {
            return null;
        }

        foreach (char c in value)
        {
            if (c is < '0' or > '9')
            {
                warnings.Add($"WEBSMSD_PORT='{raw}' is not numeric; WebSMS is disabled");
                return null;
            }
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port > 65535)
        {
            warnings.Add($"WEBSMSD_PORT='{raw}' is not a port number; WebSMS is disabled");
            return null;
        }

        return port;
    }

    private static int ReadInt(Func<string, string?> get, string name, int fallback, int min, int max, List<string> warnings)
    {
        string? raw = Trimmed(get(name));
        if (raw is null)
        {
            return fallback;
        }

        if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max)
        {
            return value;
        }

        warnings.Add($"{name}='{raw}' is not a number in {min}..{max}; using {fallback}");
        return fallback;
    }

    private static string? Trimmed(string? value)
    {
        if (value is null)
        {
            return null;
        }

        string t = value.Trim();
        return t.Length == 0 ? null : t;
    }

    private static string SafeHostName()
    {
        try
        {
            return Dns.GetHostName();
        }
        catch (System.Net.Sockets.SocketException)
        {
            return Environment.MachineName;
        }
    }
}
