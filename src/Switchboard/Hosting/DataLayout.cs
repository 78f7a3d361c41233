using Microsoft.Extensions.Logging;

namespace Switchboard.Hosting;

/// <summary>
/// The persistent tree under <c>--data-dir</c> (/srv in the image), laid out like the reference
/// image's /srv so an existing volume can be mounted:
/// <code>
///  etc/asterisk                 configuration (--config-dir defaults here)
///  etc/ssl/asterisk             cert.pem, priv_key.pem
///  etc/docker/entry.d, exit.d   optional hook scripts (not created)
///  var/spool/asterisk           outgoing, outgoing_done, voicemail, staging
///  var/log/asterisk             log files (CDR Master.csv ...)
///  var/lib/asterisk             AstDB, registrations, AutoBan state
/// </code>
/// </summary>
internal sealed partial class DataLayout
{
    private DataLayout(string dataDir, string configDir)
    {
        DataDir = dataDir;
        ConfigDir = configDir;
        TlsDir = Path.Combine(dataDir, "etc", "ssl", "asterisk");
        SpoolDir = Path.Combine(dataDir, "var", "spool", "asterisk");
        LogDir = Path.Combine(dataDir, "var", "log", "asterisk");
        LibDir = Path.Combine(dataDir, "var", "lib", "asterisk");
        EntryHooksDir = Path.Combine(dataDir, "etc", "docker", "entry.d");
        ExitHooksDir = Path.Combine(dataDir, "etc", "docker", "exit.d");
    }

    public string DataDir { get; }

    public string ConfigDir { get; }

    public string TlsDir { get; }

    public string CertFile => Path.Combine(TlsDir, "cert.pem");

    public string KeyFile => Path.Combine(TlsDir, "priv_key.pem");

    public string SpoolDir { get; }

    public string OutgoingDir => Path.Combine(SpoolDir, "outgoing");

    public string OutgoingDoneDir => Path.Combine(SpoolDir, "outgoing_done");

    public string VoicemailDir => Path.Combine(SpoolDir, "voicemail");

    public string StagingDir => Path.Combine(SpoolDir, "staging");

    public string LogDir { get; }

    public string LibDir { get; }

    /// <summary>Entry hooks (run before start when present); DOCKER_ENTRY_DIR overrides.</summary>
    public string EntryHooksDir { get; private init; }

    /// <summary>Exit hooks (run at shutdown when present); DOCKER_EXIT_DIR overrides.</summary>
    public string ExitHooksDir { get; private init; }

    /// <summary>Every directory <see cref="EnsureCreated"/> creates, parents first.</summary>
    public IReadOnlyList<string> Directories =>
    [
        DataDir, ConfigDir, TlsDir, SpoolDir, OutgoingDir, OutgoingDoneDir, VoicemailDir, StagingDir, LogDir, LibDir,
    ];

    /// <summary>Computes the paths without touching the disk.</summary>
    public static DataLayout For(string dataDir, string? configDir = null, HostEnvironment? env = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDir);
        string root = Path.GetFullPath(dataDir);
        string config = string.IsNullOrWhiteSpace(configDir)
            ? Path.Combine(root, "etc", "asterisk")
            : Path.GetFullPath(configDir);
        var layout = new DataLayout(root, config);
        return layout.With(env?.EntryHooksDir ?? layout.EntryHooksDir, env?.ExitHooksDir ?? layout.ExitHooksDir);
    }

    /// <summary>Computes the paths and creates every directory (works on an empty bind mount).</summary>
    public static DataLayout Create(string dataDir, ILogger log, string? configDir = null, HostEnvironment? env = null)
    {
        var layout = For(dataDir, configDir, env);
        layout.EnsureCreated(log);
        return layout;
    }

    /// <summary>
    /// Creates the missing directories. A directory that cannot be created is logged as an error
    /// and returned; the caller keeps running with what it has.
    /// </summary>
    public IReadOnlyList<string> EnsureCreated(ILogger log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var failed = new List<string>();
        foreach (string dir in Directories)
        {
            if (Directory.Exists(dir))
            {
                continue;
            }

            try
            {
                Directory.CreateDirectory(dir);
                LogCreated(log, dir);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failed.Add(dir);
                LogCreateFailed(log, dir, ex.Message);
            }
        }

        return failed;
    }

    private DataLayout With(string entry, string exit) => new(DataDir, ConfigDir) { EntryHooksDir = entry, ExitHooksDir = exit };

    [LoggerMessage(EventId = 5001, Level = LogLevel.Debug, Message = "created directory {Dir}")]
    private static partial void LogCreated(ILogger log, string dir);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "cannot create directory {Dir}: {Reason}")]
    private static partial void LogCreateFailed(ILogger log, string dir, string reason);
}
