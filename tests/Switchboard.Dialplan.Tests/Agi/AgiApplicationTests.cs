using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Tests.TestSupport;

namespace Switchboard.Dialplan.Tests.Agi;

/// <summary>AGI() end to end: a FastAGI server on 127.0.0.1 written in the test, and local programs (sh scripts).</summary>
public sealed class AgiApplicationTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task FastAgi_sends_the_environment_and_the_script_reads_and_sets_variables()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = ServeOnceAsync(listener, ["GET VARIABLE FOO", "SET VARIABLE RESULT \"got it\"", "BOGUS"]);
        var h = DialplanHarness.Load($"[t]\nexten => s,1,Set(FOO=from dialplan)\n same => n,AGI(agi://127.0.0.1:{port}/lookup?x=1,first,second arg)\n same => n,Trace(${{AGISTATUS}}|${{RESULT}})\n");
        var (reason, _) = await h.RunAsync("t", "s");
        var (environment, replies) = await server.WaitAsync(Limit);

        Assert.Equal(["SUCCESS|got it"], h.Trace.Calls);
        Assert.Equal(DialplanExitReason.Fallthrough, reason);
        Assert.Contains("agi_network: yes", environment);
        Assert.Contains("agi_network_script: lookup?x=1", environment);
        Assert.Contains($"agi_request: agi://127.0.0.1:{port}/lookup?x=1", environment);
        Assert.Contains("agi_channel: PJSIP/alice-00000001", environment);
        Assert.Contains("agi_callerid: 1001", environment);
        Assert.Contains("agi_calleridname: Alice", environment);
        Assert.Contains("agi_context: t", environment);
        Assert.Contains("agi_extension: s", environment);
        Assert.Contains("agi_priority: 2", environment);
        Assert.Contains("agi_arg_1: first", environment);
        Assert.Contains("agi_arg_2: second arg", environment);
        Assert.Equal(["200 result=1 (from dialplan)", "200 result=1", "510 Invalid or unknown command"], replies);
    }

    [Fact]
    public async Task FastAgi_script_that_hangs_up_ends_the_dialplan_with_AGISTATUS_HANGUP()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = ServeOnceAsync(listener, ["ANSWER", "HANGUP", "STREAM FILE beep \"\"", "SET VARIABLE DONE yes"]);
        var h = DialplanHarness.Load($"[t]\nexten => s,1,AGI(agi://127.0.0.1:{port})\n same => n,Trace(never)\nexten => h,1,Trace(${{AGISTATUS}}|${{DONE}})\n");
        var (_, channel) = await h.RunAsync("t", "s");
        var (_, replies) = await server.WaitAsync(Limit);

        Assert.Equal(["200 result=0", "200 result=1", "HANGUP", "511 Command Not Permitted on a dead channel or intercepted channel", "200 result=1"], replies);
        Assert.True(channel.IsHungUp);
        Assert.Equal(["HANGUP|yes"], h.Trace.Calls);
    }

    [Fact]
    public async Task FastAgi_server_that_refuses_the_connection_gives_FAILURE_and_the_dialplan_goes_on()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var h = DialplanHarness.Load($"[t]\nexten => s,1,AGI(agi://127.0.0.1:{port}/x)\n same => n,Trace(${{AGISTATUS}})\n same => n,AGI(agi://bad:port:x/)\n same => n,Trace(${{AGISTATUS}})\n");
        await h.RunAsync("t", "s");
        Assert.Equal(["FAILURE", "FAILURE"], h.Trace.Calls);
        Assert.True(h.Logger.Contains($"FastAGI connection to 127.0.0.1:{port}"));
    }

    [Fact]
    public async Task A_local_program_gets_the_environment_on_stdin_and_talks_on_stdout()
    {
        using var dir = new TempDir();
        var script = dir.Script("echo-agi.sh", """
            #!/bin/sh
            ARG=""
            while read line; do
              [ -z "$line" ] && break
              case "$line" in agi_arg_1:*) ARG="${line#agi_arg_1: }";; esac
            done
            echo "GET VARIABLE FOO"
            read reply
            echo "SET VARIABLE RESULT \"$ARG/$reply\""
            read reply
            echo "diagnostic line" >&2
            """);
        var h = DialplanHarness.Load($"[t]\nexten => s,1,Set(FOO=bar)\n same => n,AGI({script},hello)\n same => n,Trace(${{AGISTATUS}}|${{RESULT}})\n");
        await h.RunAsync("t", "s");
        Assert.Equal(["SUCCESS|hello/200 result=1 (bar)"], h.Trace.Calls);
        Assert.True(h.Logger.Contains("diagnostic line"));
    }

    [Fact]
    public async Task Relative_programs_are_looked_up_in_the_agi_directory_and_missing_ones_give_NOTFOUND()
    {
        using var dir = new TempDir();
        dir.Script("quick.sh", "#!/bin/sh\necho 'SET VARIABLE R ok'\nread r\n");
        var options = new DialplanEngineOptions { AgiDirectory = dir.Path };
        var h = DialplanHarness.Load("[t]\nexten => s,1,AGI(quick.sh)\n same => n,Trace(${AGISTATUS}|${R})\n same => n,AGI(missing.sh)\n same => n,Trace(${AGISTATUS})\n", options: options);
        await h.RunAsync("t", "s");
        Assert.Equal(["SUCCESS|ok", "NOTFOUND"], h.Trace.Calls);
        Assert.True(h.Logger.Contains("missing.sh': File does not exist."));
    }

    [Fact]
    public async Task A_program_that_ignores_stdin_or_never_exits_does_not_hold_the_call()
    {
        using var dir = new TempDir();
        var quiet = dir.Script("quiet.sh", "#!/bin/sh\nexit 3\n");
        var stubborn = dir.Script("stubborn.sh", "#!/bin/sh\nexec 1>&-\nsleep 60\n");
        var h = DialplanHarness.Load($"[t]\nexten => s,1,AGI({quiet})\n same => n,Trace(${{AGISTATUS}})\n same => n,AGI({stubborn})\n same => n,Trace(${{AGISTATUS}})\n");
        var started = System.Diagnostics.Stopwatch.StartNew();
        await h.RunAsync("t", "s");
        // As res_agi: a program that ran to its end with a non-zero exit status gives FAILURE; one cut by us does not.
        Assert.Equal(["FAILURE", "SUCCESS"], h.Trace.Calls);
        Assert.True(h.Logger.Contains("exited with status 3"));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_FastAGI_script_that_goes_silent_after_the_hangup_is_cut_after_the_grace_time()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var hungUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = Task.Run(async () =>
        {
            using var cts = new CancellationTokenSource(Limit);
            using var client = await listener.AcceptTcpClientAsync(cts.Token);
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            while (await reader.ReadLineAsync(cts.Token) is { Length: > 0 })
            {
            }

            await stream.WriteAsync(Encoding.UTF8.GetBytes("HANGUP\n"), cts.Token);
            var lines = new List<string>();
            while (await reader.ReadLineAsync(cts.Token) is { } line)
            {
                lines.Add(line);
                hungUp.TrySetResult();
            }

            return lines;
        });
        var h = DialplanHarness.Load($"[t]\nexten => s,1,AGI(agi://127.0.0.1:{port})\nexten => h,1,Trace(${{AGISTATUS}})\n");
        var run = h.RunAsync("t", "s");
        await hungUp.Task.WaitAsync(Limit);
        for (var i = 0; i < 30 && !run.IsCompleted; i++)
        {
            h.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }

        var (reason, _) = await run.WaitAsync(Limit);
        Assert.Equal(DialplanExitReason.HungUp, reason);
        Assert.Equal(["HANGUP"], h.Trace.Calls);
        Assert.Equal(["200 result=1", "HANGUP"], await server.WaitAsync(Limit));
        Assert.True(h.Logger.Contains("script silent for 10 s after hangup"));
    }

    /// <summary>Accepts one connection, reads the environment, sends each command and collects the replies (a HANGUP line counts as a reply).</summary>
    private static async Task<(string Environment, List<string> Replies)> ServeOnceAsync(TcpListener listener, string[] commands)
    {
        using var cts = new CancellationTokenSource(Limit);
        using var client = await listener.AcceptTcpClientAsync(cts.Token);
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var env = new StringBuilder();
        while (await reader.ReadLineAsync(cts.Token) is { Length: > 0 } line)
        {
            env.Append(line).Append('\n');
        }

        var replies = new List<string>();
        foreach (var command in commands)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(command + "\n"), cts.Token);
            var reply = await reader.ReadLineAsync(cts.Token) ?? "<eof>";
            replies.Add(reply);
            if (reply == "HANGUP")
            {
                replies.Add(await reader.ReadLineAsync(cts.Token) ?? "<eof>");
            }
        }

        return (env.ToString(), replies);
    }

    private sealed class TempDir : IDisposable
    {
        public TempDir() => Path = Directory.CreateTempSubdirectory("agi-").FullName;

        public string Path { get; }

        public string Script(string name, string text)
        {
            var file = System.IO.Path.Combine(Path, name);
            File.WriteAllText(file, text.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
            if (OperatingSystem.IsWindows())
            {
                return file;
            }

            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return file;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
