using System.Diagnostics;
using System.Text;

namespace Switchboard.TestKit.Processes;

/// <summary>
/// Runs an external program with captured output and a hard time limit (killed with its children when exceeded),
/// so a stuck real peer can never hang the suite.
/// </summary>
public sealed class ExternalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ExternalProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Called for every output line (stdout and stderr).</summary>
    public Action<string>? OnLine { get; set; }

    public static ExternalProcess Start(string fileName, IEnumerable<string> args, string? workingDirectory = null, IDictionary<string, string?>? environment = null, bool redirectStdin = false)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectStdin,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        if (environment is not null)
        {
            foreach (var (k, v) in environment)
            {
                psi.Environment[k] = v;
            }
        }

        var p = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var ep = new ExternalProcess(p);
        p.OutputDataReceived += (_, e) => ep.Append(ep._stdout, e.Data);
        p.ErrorDataReceived += (_, e) => ep.Append(ep._stderr, e.Data);
        p.Exited += (_, _) => ep._exited.TrySetResult();
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return ep;
    }

    public StreamWriter StandardInput => _process.StandardInput;

    private void Append(StringBuilder sb, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (sb)
        {
            sb.AppendLine(line);
        }

        OnLine?.Invoke(line);
    }

    /// <summary>Waits for exit up to <paramref name="timeout"/>; kills the process tree when it is exceeded.</summary>
    public async Task<ProcessResult> WaitAsync(TimeSpan timeout)
    {
        bool timedOut = false;
        using (var cts = new CancellationTokenSource(timeout))
        {
            try
            {
                await _exited.Task.WaitAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                Kill();
                await _exited.Task.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
        }

        _process.WaitForExit(); // flush async output readers
        return new ProcessResult(_process.ExitCode, Output, Error, timedOut);
    }

    /// <summary>Sends SIGTERM (graceful stop).</summary>
    public void Terminate()
    {
        if (!_process.HasExited)
        {
            _ = Posix.Kill(_process.Id, 15);
        }
    }

    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

    /// <summary>Runs to completion with a time limit.</summary>
    public static Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> args, TimeSpan timeout, string? workingDirectory = null, IDictionary<string, string?>? environment = null)
        => Start(fileName, args, workingDirectory, environment).WaitAsync(timeout);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
            try
            {
                await _exited.Task.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
            }
        }

        _process.Dispose();
    }
}
