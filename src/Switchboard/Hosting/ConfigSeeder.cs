using Microsoft.Extensions.Logging;

namespace Switchboard.Hosting;

/// <summary>
/// Copies the seed configuration into the config dir when it is empty (a fresh volume or bind
/// mount). Existing files are never touched; an unreadable config dir is reported, not seeded.
/// </summary>
internal static partial class ConfigSeeder
{
    /// <summary>Names ignored when deciding whether a directory is empty (ext4 volume roots).</summary>
    private static readonly string[] IgnoredEntries = ["lost+found"];

    /// <summary>
    /// The default seed source: a <c>seed/</c> folder next to the executable when present
    /// (lets packagers replace the seed), else the configs embedded in the executable.
    /// </summary>
    public static ISeedSource DefaultSource()
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "seed");
        return Directory.Exists(folder) ? new DirectorySeedSource(folder) : new EmbeddedSeedSource();
    }

    /// <summary>Seeds from <paramref name="seedDir"/> when given, else from <see cref="DefaultSource"/>.</summary>
    public static SeedResult SeedIfEmpty(string configDir, string? seedDir, ILogger log) =>
        SeedIfEmpty(configDir, seedDir is null ? DefaultSource() : new DirectorySeedSource(seedDir), log);

    public static SeedResult SeedIfEmpty(string configDir, ISeedSource source, ILogger log)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configDir);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(log);

        var errors = new List<string>();
        bool empty;
        try
        {
            Directory.CreateDirectory(configDir);
            empty = IsEmpty(configDir);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            string error = $"cannot read config dir {configDir}: {ex.Message}; not seeding";
            LogFailed(log, error);
            errors.Add(error);
            return new SeedResult(SeedOutcome.Failed, [], errors);
        }

        if (!empty)
        {
            LogNotEmpty(log, configDir);
            return new SeedResult(SeedOutcome.NotEmpty, [], errors);
        }

        IReadOnlyList<SeedFile> files = source.Files();
        if (files.Count == 0)
        {
            LogNoSeed(log, configDir, source.Description);
            return new SeedResult(SeedOutcome.NoSeedFiles, [], errors);
        }

        var copied = new List<string>();
        foreach (SeedFile file in files)
        {
            string target = Path.Combine(configDir, file.RelativePath.Replace('/', Path.DirectorySeparatorChar));
            try
            {
                if (CopyNew(file, target))
                {
                    copied.Add(file.RelativePath);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                string error = $"cannot write seed file {target}: {ex.Message}";
                LogFailed(log, error);
                errors.Add(error);
            }
        }

        LogSeeded(log, copied.Count, configDir, source.Description, string.Join(' ', copied));
        return new SeedResult(errors.Count == 0 ? SeedOutcome.Seeded : SeedOutcome.Failed, copied, errors);
    }

    private static bool IsEmpty(string dir)
    {
        foreach (string entry in Directory.EnumerateFileSystemEntries(dir))
        {
            if (Array.IndexOf(IgnoredEntries, Path.GetFileName(entry)) < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes to a temporary name then links it into place without replacing anything.</summary>
    private static bool CopyNew(SeedFile file, string target)
    {
        if (File.Exists(target) || Directory.Exists(target))
        {
            return false;
        }

        string? parent = Path.GetDirectoryName(target);
        if (parent is not null)
        {
            Directory.CreateDirectory(parent);
        }

        string temp = target + ".seed-tmp";
        using (Stream input = file.Open())
        using (var output = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            input.CopyTo(output);
            output.Flush(flushToDisk: true);
        }

        try
        {
            File.Move(temp, target, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(target))
        {
            File.Delete(temp);
            return false;
        }
    }

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "seeded {Count} config files into empty {ConfigDir} from {Source}: {Files}")]
    private static partial void LogSeeded(ILogger log, int count, string configDir, string source, string files);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Information, Message = "config dir {ConfigDir} is not empty; seeding skipped")]
    private static partial void LogNotEmpty(ILogger log, string configDir);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Warning, Message = "config dir {ConfigDir} is empty and {Source} has no seed files")]
    private static partial void LogNoSeed(ILogger log, string configDir, string source);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Error, Message = "{Error}")]
    private static partial void LogFailed(ILogger log, string error);
}
