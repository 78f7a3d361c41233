using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;
using Switchboard.Config.Pjsip;
using Switchboard.Config.Rtp;

namespace Switchboard.Config.Snapshot;

/// <summary>Builds a <see cref="ConfigSnapshot"/> from a config directory: parse, type, validate; never swaps anything.</summary>
public sealed class ConfigSnapshotLoader
{
    /// <summary>Files kept as parsed documents for other modules, when present.</summary>
    public static IReadOnlyList<string> DocumentFiles { get; } =
    [
        "extensions.conf", "manager.conf", "autoban.conf", "websms.conf", "minivm.conf", "voicemail.conf",
        "musiconhold.conf", "logger.conf", "asterisk.conf", "cdr.conf", "features.conf",
    ];

    private readonly IReadOnlyList<IConfigValidator> _validators;
    private readonly TimeProvider _time;
    private long _generation;

    /// <summary>Creates a loader that runs <paramref name="validators"/> on every candidate.</summary>
    public ConfigSnapshotLoader(IEnumerable<IConfigValidator>? validators = null, TimeProvider? timeProvider = null)
    {
        _validators = validators?.ToArray() ?? [];
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Loads a directory with no extra validators.</summary>
    public static ConfigLoadResult Load(string configDirectory) => new ConfigSnapshotLoader().LoadDirectory(configDirectory);

    /// <summary>Loads every file of <paramref name="configDirectory"/>.</summary>
    public ConfigLoadResult LoadDirectory(string configDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(configDirectory);
        if (!Directory.Exists(configDirectory))
        {
            return new ConfigLoadResult(null, [new ConfigDiagnostic(DiagnosticSeverity.Error, configDirectory, 0, "config directory does not exist")]);
        }

        return LoadFrom(new DirectoryConfigFileSource(configDirectory));
    }

    /// <summary>Loads from any file source (in-memory in tests, the embedded demo).</summary>
    public ConfigLoadResult LoadFrom(IConfigFileSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var diagnostics = new DiagnosticBag();
        var documents = new Dictionary<string, ConfDocument>(StringComparer.Ordinal);

        var pjsipDoc = ConfParser.Parse(source, PjsipConfigLoader.PjsipFile, diagnostics);
        documents[PjsipConfigLoader.PjsipFile] = pjsipDoc;
        var wizardDoc = ConfParser.ParseOptional(source, PjsipConfigLoader.WizardFile, diagnostics);
        if (wizardDoc is not null)
        {
            documents[PjsipConfigLoader.WizardFile] = wizardDoc;
        }

        var pjsip = PjsipConfigLoader.Build(pjsipDoc, wizardDoc, diagnostics);

        var rtp = RtpConfig.Default;
        var rtpDoc = ConfParser.ParseOptional(source, RtpConfigLoader.FileName, diagnostics);
        if (rtpDoc is not null)
        {
            documents[RtpConfigLoader.FileName] = rtpDoc;
            rtp = RtpConfigLoader.Build(rtpDoc, diagnostics);
        }

        foreach (var file in DocumentFiles)
        {
            var doc = ConfParser.ParseOptional(source, file, diagnostics);
            if (doc is not null)
            {
                documents[file] = doc;
            }
        }

        var candidate = new ConfigSnapshot(source.Root, Interlocked.Read(ref _generation) + 1, _time.GetUtcNow(), pjsip, rtp, documents, []);
        foreach (var validator in _validators)
        {
            validator.Validate(candidate, diagnostics);
        }

        if (diagnostics.HasErrors)
        {
            return new ConfigLoadResult(null, diagnostics.Items.ToArray());
        }

        var warnings = diagnostics.Items.ToArray();
        var snapshot = new ConfigSnapshot(source.Root, Interlocked.Increment(ref _generation), candidate.LoadedAt, pjsip, rtp, documents, warnings);
        return new ConfigLoadResult(snapshot, warnings);
    }
}
