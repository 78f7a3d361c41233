using System.Text;
using Switchboard.Control;
using Switchboard.TestKit.Net;
using Switchboard.TestKit.Processes;

namespace Switchboard.Interop.Tests.Infrastructure;

/// <summary>
/// A real switchboard process (the built executable) on a temporary data dir with a test configuration and free
/// ports. Stopped with SIGTERM (or killed) on dispose; its output is kept for assertions.
/// </summary>
public sealed class PbxInstance : IAsyncDisposable
{
    private ExternalProcess? _process;

    private PbxInstance(string dataDir, int sipPort)
    {
        DataDir = dataDir;
        SipPort = sipPort;
    }

    public string DataDir { get; }

    public string ConfigDir => Path.Combine(DataDir, "etc", "asterisk");

    public int SipPort { get; }

    public string Output => _process?.Output + _process?.Error;

    public bool HasExited => _process?.HasExited ?? true;

    /// <summary>Process id of the running switchboard (0 when stopped).</summary>
    public int ProcessId => _process?.Id ?? 0;

    /// <summary>
    /// A program and arguments that start the PBX (e.g. <c>ip netns exec NS</c>, then <c>setpriv ...</c>); each must exec
    /// the next so that killing the process kills the PBX. Empty: <c>dotnet</c> is started directly.
    /// </summary>
    public IReadOnlyList<string> CommandPrefix { get; set; } = [];

    public static string SwitchboardDll => Path.Combine(AppContext.BaseDirectory, "switchboard.dll");

    /// <summary>Creates the data dir with <paramref name="files"/> (text with {SIP_PORT} replaced) in etc/asterisk.</summary>
    public static PbxInstance Create(IReadOnlyDictionary<string, string> files, int? sipPort = null, string? dataDir = null)
    {
        int port = sipPort ?? FreePort.UdpAndTcp();
        dataDir ??= Path.Combine(Path.GetTempPath(), "sb-it-" + Guid.NewGuid().ToString("N")[..10]);
        var pbx = new PbxInstance(dataDir, port);
        Directory.CreateDirectory(pbx.ConfigDir);
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(pbx.ConfigDir, name), pbx.Expand(text));
        }

        return pbx;
    }

    public string Expand(string text) => text.Replace("{SIP_PORT}", SipPort.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>Starts the process and waits for its ready line.</summary>
    public async Task StartAsync(TimeSpan? timeout = null, IDictionary<string, string?>? environment = null)
    {
        var env = new Dictionary<string, string?>
        {
            ["SYSLOG_LEVEL"] = "8",
            ["HOSTNAME"] = "pbx.test.local",
            ["ACME_FILE"] = string.Empty,
            ["DOCKER_ENTRY_DIR"] = Path.Combine(DataDir, "entry.d"),
            ["DOCKER_EXIT_DIR"] = Path.Combine(DataDir, "exit.d"),
        };
        if (environment is not null)
        {
            foreach (var (k, v) in environment)
            {
                env[k] = v;
            }
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string[] command = ["dotnet", SwitchboardDll, "run", "--data-dir", DataDir];
        _process = CommandPrefix.Count == 0
            ? ExternalProcess.Start(command[0], command[1..], DataDir, env)
            : ExternalProcess.Start(CommandPrefix[0], [.. CommandPrefix.Skip(1), .. command], DataDir, env);
        _process.OnLine = line =>
        {
            if (line.Contains(" ready in ", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        if (_process.Output.Contains(" ready in ", StringComparison.Ordinal))
        {
            ready.TrySetResult();
        }

        var limit = timeout ?? TimeSpan.FromSeconds(60);
        var done = await Task.WhenAny(ready.Task, Task.Delay(limit)).ConfigureAwait(false);
        if (done != ready.Task)
        {
            throw new InvalidOperationException("switchboard did not become ready within " + limit + ":\n" + Output);
        }
    }

    /// <summary>
    /// Registers <paramref name="user"/> (password <c>pw-user</c>, the test configs' convention) with SIPp's
    /// digest REGISTER from a free port, and returns that port for the callee SIPp to listen on.
    /// </summary>
    public async Task<int> RegisterSippAsync(string user, string? password = null)
    {
        int port = FreePort.UdpAndTcp();
        var r = await Sipp.RunAsync("register-auth.xml", SipPort, ["-inf", Sipp.UsersFile([(user, password ?? "pw-" + user)]), "-m", "1"], localPort: port).ConfigureAwait(false);
        Xunit.Assert.True(r.ExitCode == 0, r.ToString());
        return port;
    }

    /// <summary>Waits for an output line containing every one of <paramref name="parts"/> and returns it; fails after <paramref name="timeout"/>.</summary>
    public async Task<string> WaitForLogAsync(TimeSpan timeout, params string[] parts)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            foreach (var l in Output.Split('\n'))
            {
                if (Array.TrueForAll(parts, p => l.Contains(p, StringComparison.Ordinal)))
                {
                    return l;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                Xunit.Assert.Fail($"no log line with '{string.Join("', '", parts)}' in:\n{Output}");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    /// <summary>Runs a CLI command over the control socket (as <c>switchboard -rx</c>).</summary>
    public async Task<string> CliAsync(string command)
    {
        using var client = ControlClient.TryConnect(ControlProtocol.SocketPath(DataDir), out var error)
            ?? throw new InvalidOperationException(error);
        var output = new StringWriter();
        await client.ExecuteAsync(command, output, CancellationToken.None).ConfigureAwait(false);
        return output.ToString();
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the CLI output of <paramref name="command"/>.</summary>
    public async Task<string> WaitForCliAsync(string command, Func<string, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        string last;
        do
        {
            last = await CliAsync(command).ConfigureAwait(false);
            if (condition(last))
            {
                return last;
            }

            await Task.Delay(200).ConfigureAwait(false);
        }
        while (DateTime.UtcNow < deadline);
        return last;
    }

    /// <summary>SIGTERM and wait; returns the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan? timeout = null)
    {
        if (_process is null)
        {
            return 0;
        }

        _process.Terminate();
        var result = await _process.WaitAsync(timeout ?? TimeSpan.FromSeconds(15)).ConfigureAwait(false);
        await _process.DisposeAsync().ConfigureAwait(false);
        _process = null;
        return result.ExitCode;
    }

    public void Kill() => _process?.Kill();

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            _process.Kill();
            await _process.DisposeAsync().ConfigureAwait(false);
        }

        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
