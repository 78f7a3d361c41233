using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;
using Switchboard.Config.Pjsip;
using Switchboard.Config.Rtp;

namespace Switchboard.Config.Snapshot;

/// <summary>
/// One complete, validated configuration: typed PJSIP and RTP settings plus the parsed documents of the other
/// files present, from which other modules build their own views. Immutable; a reload builds a new one.
/// </summary>
public sealed class ConfigSnapshot
{
    internal ConfigSnapshot(
        string configDirectory,
        long generation,
        DateTimeOffset loadedAt,
        PjsipConfig pjsip,
        RtpConfig rtp,
        IReadOnlyDictionary<string, ConfDocument> documents,
        IReadOnlyList<ConfigDiagnostic> warnings)
    {
        ConfigDirectory = configDirectory;
        Generation = generation;
        LoadedAt = loadedAt;
        Pjsip = pjsip;
        Rtp = rtp;
        Documents = documents;
        Warnings = warnings;
    }

    /// <summary>Where the files were read from.</summary>
    public string ConfigDirectory { get; }

    /// <summary>Increases with every successful load by the same loader (1 = first).</summary>
    public long Generation { get; }

    /// <summary>When the snapshot was built.</summary>
    public DateTimeOffset LoadedAt { get; }

    /// <summary>Endpoints, AORs, auths, transports, identifies, registrations, globals and wizard hints.</summary>
    public PjsipConfig Pjsip { get; }

    /// <summary>rtp.conf settings.</summary>
    public RtpConfig Rtp { get; }

    /// <summary>Parsed documents of every file read, by file name (pjsip.conf, extensions.conf, manager.conf ...).</summary>
    public IReadOnlyDictionary<string, ConfDocument> Documents { get; }

    /// <summary>Warnings found while loading (a snapshot never has errors).</summary>
    public IReadOnlyList<ConfigDiagnostic> Warnings { get; }

    /// <summary>The parsed file, or null when it was not present.</summary>
    public ConfDocument? Document(string fileName) => Documents.GetValueOrDefault(fileName);
}
