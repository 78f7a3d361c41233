using Microsoft.Extensions.Logging;

namespace Switchboard.Hosting;

/// <summary>
/// Runs the executable regular files of a hook directory (entry.d before start, exit.d at
/// shutdown), sorted by full path, one after the other, like the reference image's entrypoint.
/// Each hook's stdout/stderr lines are logged; a failing hook is logged and the next one runs.
/// A hook that runs longer than its timeout is killed. A missing directory is not an error.
/// </summary>
internal sealed partial class HookRunner
{
    private readonly ILogger _log;
    private readonly TimeSpan _timeout;
    private readonly IReadOnlyDictionary<string, string> _environment;

    public HookRunner(ILogger log, TimeSpan? timeoutPerHook = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        _log = log;
        _timeout = timeoutPerHook ?? TimeSpan.FromSeconds(30);
        _environment = environment ?? new Dictionary<string, string>();
    }

    /// <summary>The hooks <see cref="RunAsync"/> would run, in order.</summary>
    public static IReadOnlyList<string> FindHooks(string directory)
    {
        var hooks = new List<string>();
        if (!Directory.Exists(directory))
        {
            return hooks;
        }

        foreach (string path in Directory.EnumerateFiles(directory))
        {
            if (IsExecutableFile(path))
            {
                hooks.Add(Path.GetFullPath(path));
            }
        }

        hooks.Sort(StringComparer.Ordinal);
        return hooks;
    }

    /// <summary>Synchronous form for start-up code.</summary>
    public IReadOnlyList<HookResult> Run(string directory) => RunAsync(directory, CancellationToken.None).GetAwaiter().GetResult();

    public async Task<IReadOnlyList<HookResult>> RunAsync(string directory, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> hooks;
        try
        {
            hooks = FindHooks(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogDirUnreadable(_log, directory, ex.Message);
            return [];
        }

        var results = new List<HookResult>(hooks.Count);
        foreach (string hook in hooks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            HookResult result = await RunOneAsync(hook, cancellationToken).ConfigureAwait(false);
            results.Add(result);
        }

        return results;
    }

    private Task<HookResult> RunOneAsync(string hook, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync(hook, [], "hook " + Path.GetFileName(hook), _log, _timeout, _environment, cancellationToken);

    private static bool IsExecutableFile(string path)
    {
        var info = new FileInfo(path);
        FileSystemInfo target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
        if (target is not FileInfo { Exists: true } file)
        {
            return false;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return OperatingSystem.IsWindows() || (file.UnixFileMode & anyExecute) != 0;
    }

    [LoggerMessage(EventId = 5027, Level = LogLevel.Error, Message = "cannot read hook directory {Dir}: {Reason}")]
    private static partial void LogDirUnreadable(ILogger log, string dir, string reason);
}
