using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Switchboard.Hosting;

/// <summary>
/// Runs one external program to completion: stdin closed, each stdout/stderr line logged under
/// the program's display name, killed (with its children) when it outlives its timeout.
/// Used for entry.d/exit.d hooks and ACME_POSTHOOK.
/// </summary>
internal static partial class ProcessRunner
{
    public static async Task<HookResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        string displayName,
        ILogger log,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(fileName)) ?? "/",
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (environment is not null)
        {
            foreach (KeyValuePair<string, string> pair in environment)
            {
                start.Environment[pair.Key] = pair.Value;
            }
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                LogOutput(log, displayName, line);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                LogErrorOutput(log, displayName, line);
            }
        };

        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            LogStartFailed(log, displayName, ex.Message);
            return new HookResult(fileName, null, ex.Message);
        }

        LogStarted(log, displayName);
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
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

            string why = cancellationToken.IsCancellationRequested
                ? "was cancelled and killed"
                : $"timed out after {timeout.TotalSeconds:0.#} s and was killed";
            LogKilled(log, displayName, why);
            return new HookResult(fileName, null, why);
        }

        // The parameterless wait lets the asynchronous output readers drain.
        process.WaitForExit();
        int code = process.ExitCode;
        if (code == 0)
        {
            LogDone(log, displayName);
        }
        else
        {
            LogExitCode(log, displayName, code);
        }

        return new HookResult(fileName, code, null);
    }

    [LoggerMessage(EventId = 5020, Level = LogLevel.Information, Message = "running {Name}")]
    private static partial void LogStarted(ILogger log, string name);

    [LoggerMessage(EventId = 5021, Level = LogLevel.Information, Message = "{Name} finished")]
    private static partial void LogDone(ILogger log, string name);

    [LoggerMessage(EventId = 5022, Level = LogLevel.Error, Message = "{Name} exited with code {Code}")]
    private static partial void LogExitCode(ILogger log, string name, int code);

    [LoggerMessage(EventId = 5023, Level = LogLevel.Error, Message = "{Name} could not start: {Reason}")]
    private static partial void LogStartFailed(ILogger log, string name, string reason);

    [LoggerMessage(EventId = 5024, Level = LogLevel.Error, Message = "{Name} {Reason}")]
    private static partial void LogKilled(ILogger log, string name, string reason);

    [LoggerMessage(EventId = 5025, Level = LogLevel.Information, Message = "{Name}: {Line}")]
    private static partial void LogOutput(ILogger log, string name, string line);

    [LoggerMessage(EventId = 5026, Level = LogLevel.Warning, Message = "{Name}: {Line}")]
    private static partial void LogErrorOutput(ILogger log, string name, string line);
}
