using System.Diagnostics;
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

    private async Task<HookResult> RunOneAsync(string hook, CancellationToken cancellationToken)
    {
        string name = Path.GetFileName(hook);
        var start = new ProcessStartInfo(hook)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetDirectoryName(hook) ?? "/",
        };
        foreach (KeyValuePair<string, string> pair in _environment)
        {
            start.Environment[pair.Key] = pair.Value;
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                LogHookOutput(_log, name, line);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                LogHookError(_log, name, line);
            }
        };

        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            LogStartFailed(_log, hook, ex.Message);
            return new HookResult(hook, null, ex.Message);
        }

        LogStarted(_log, hook);
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Exited in the meantime.
            }

            string why = cancellationToken.IsCancellationRequested ? "cancelled" : $"timed out after {_timeout.TotalSeconds:0.#} s and was killed";
            LogKilled(_log, hook, why);
            return new HookResult(hook, null, why);
        }

        // Let the asynchronous output readers drain.
        process.WaitForExit();
        int code = process.ExitCode;
        if (code == 0)
        {
            LogDone(_log, hook);
        }
        else
        {
            LogExitCode(_log, hook, code);
        }

        return new HookResult(hook, code, null);
    }

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

    [LoggerMessage(EventId = 5020, Level = LogLevel.Information, Message = "running hook {Hook}")]
    private static partial void LogStarted(ILogger log, string hook);

    [LoggerMessage(EventId = 5021, Level = LogLevel.Information, Message = "hook {Hook} finished")]
    private static partial void LogDone(ILogger log, string hook);

    [LoggerMessage(EventId = 5022, Level = LogLevel.Error, Message = "hook {Hook} exited with code {Code}")]
    private static partial void LogExitCode(ILogger log, string hook, int code);

    [LoggerMessage(EventId = 5023, Level = LogLevel.Error, Message = "hook {Hook} could not start: {Reason}")]
    private static partial void LogStartFailed(ILogger log, string hook, string reason);

    [LoggerMessage(EventId = 5024, Level = LogLevel.Error, Message = "hook {Hook} {Reason}")]
    private static partial void LogKilled(ILogger log, string hook, string reason);

    [LoggerMessage(EventId = 5025, Level = LogLevel.Information, Message = "{Hook}: {Line}")]
    private static partial void LogHookOutput(ILogger log, string hook, string line);

    [LoggerMessage(EventId = 5026, Level = LogLevel.Warning, Message = "{Hook}: {Line}")]
    private static partial void LogHookError(ILogger log, string hook, string line);

    [LoggerMessage(EventId = 5027, Level = LogLevel.Error, Message = "cannot read hook directory {Dir}: {Reason}")]
    private static partial void LogDirUnreadable(ILogger log, string dir, string reason);
}
