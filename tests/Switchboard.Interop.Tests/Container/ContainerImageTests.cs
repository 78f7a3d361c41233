using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace Switchboard.Interop.Tests.Container;

/// <summary>
/// The image, built from local files (container/build.sh), run hardened: read-only root, uid 10001,
/// no capabilities, no-new-privileges, tmpfs /tmp; on an empty named volume and on an empty bind
/// mount it seeds, writes the self-signed certificate (SAN = HOSTNAME), keeps its state across a
/// restart and stops with exit code 0 within 10 s. The same hardened run under bubblewrap.
/// SIP checks (SIPp OPTIONS over published UDP/TCP ports, openssl s_client on 5061, HEALTHCHECK)
/// run once the composition root starts the PJSIP service (src/Switchboard/Run wires it).
/// One class so the image is built once.
/// </summary>
[Trait("Category", "Container")]
public sealed class ContainerImageTests : IClassFixture<ImageBuildFixture>
{
    private const string Host = "pbx.example.test";
    private static readonly string[] Hardened =
    [
        "--read-only", "--user", "10001:10001", "--cap-drop", "ALL", "--security-opt", "no-new-privileges", "--tmpfs", "/tmp:rw,mode=1777",
    ];

    private readonly ImageBuildFixture _fx;
    private readonly ITestOutputHelper _out;

    public ContainerImageTests(ImageBuildFixture fixture, ITestOutputHelper output)
    {
        _fx = fixture;
        _out = output;
    }

    private bool RunWiresTransport(string type) =>
        Directory.EnumerateFiles(Path.Combine(_fx.RepoRoot, "src", "Switchboard", "Run"), "*.cs")
            .Any(f => File.ReadAllText(f).Contains(type, StringComparison.Ordinal));

    private void RequireImage()
    {
        Assert.True(_fx.DockerProblem is null, _fx.DockerProblem);
        Assert.True(_fx.BuildProblem is null, _fx.BuildProblem);
        _out.WriteLine($"image built in {_fx.BuildTime.TotalSeconds:0} s");
    }

    [DockerFact]
    public void Hardened_run_on_an_empty_named_volume_seeds_certifies_keeps_state_and_stops_cleanly()
    {
        RequireImage();
        string volume = "sb-test-vol-" + Environment.ProcessId;
        _fx.Docker("volume", "rm", "-f", volume);
        Assert.Equal(0, _fx.Docker("volume", "create", volume).ExitCode);
        try
        {
            string name = StartContainer($"{volume}:/srv");
            string certFirst = CheckStarted(name);

            // SIP over the published ports, TLS on 5061, HEALTHCHECK — once the SIP stack runs in the host.
            CheckSip(name);

            StopAndCheck(name);

            // Second run on the same volume: configuration, certificate and state survive.
            string again = StartContainer($"{volume}:/srv");
            string certSecond = CheckStarted(again, expectSeeding: false);
            Assert.Equal(certFirst, certSecond);
            StopAndCheck(again);
        }
        finally
        {
            _fx.Docker("volume", "rm", "-f", volume);
        }
    }

    [DockerFact]
    public void Hardened_run_on_an_empty_bind_mount_creates_the_layout_and_seeds()
    {
        RequireImage();
        string dir = Path.Combine(_fx.WorkDir, "bind-srv");
        Directory.CreateDirectory(dir);
        Assert.Equal(0, Shell.Run("chown", ["10001:10001", dir], TimeSpan.FromSeconds(10)).ExitCode);

        string name = StartContainer($"{dir}:/srv");
        CheckStarted(name);
        foreach (string sub in new[] { "etc/asterisk", "etc/ssl/asterisk", "var/spool/asterisk/outgoing", "var/spool/asterisk/voicemail", "var/log/asterisk", "var/lib/asterisk" })
        {
            Assert.True(Directory.Exists(Path.Combine(dir, sub)), sub + " missing on the bind mount");
        }

        Assert.Equal(SeedFiles(), ConfigFiles(Path.Combine(dir, "etc", "asterisk")));
        StopAndCheck(name);
    }

    [DockerFact]
    public void Mini_image_holds_no_shell_no_package_manager_and_no_setuid_file()
    {
        RequireImage();
        Assert.Contains("mini: no shell, no package manager, no setuid/setgid files", _fx.BuildLog, StringComparison.Ordinal);
        Shell.Result shell = _fx.Docker("run", "--rm", "--entrypoint", "/bin/sh", ImageBuildFixture.Image, "-c", "true");
        Assert.NotEqual(0, shell.ExitCode);
        Shell.Result inspect = _fx.Docker("image", "inspect", "-f", "{{.Config.User}} {{json .Config.Healthcheck.Test}} {{json .Config.Entrypoint}} {{json .Config.Cmd}}", ImageBuildFixture.Image);
        Assert.Equal("10001:10001 [\"CMD\",\"/usr/bin/switchboard\",\"healthcheck\",\"--data-dir\",\"/srv\"] [\"/usr/bin/switchboard\"] [\"run\",\"--data-dir\",\"/srv\"]", inspect.Stdout.Trim());
        Shell.Result size = _fx.Docker("image", "inspect", "-f", "{{.Size}}", ImageBuildFixture.Image);
        _out.WriteLine($"mini image size: {long.Parse(size.Stdout.Trim(), CultureInfo.InvariantCulture) / 1e6:0.0} MB");
        // base: /usr/local/bin/websms is a symlink to the binary (PrivateDial's APP_SMS), and running it through
        // that name reaches the websms command (argv[0] dispatch): without arguments it prints its usage and fails.
        string probe = "sb-websms-probe-" + Environment.ProcessId;
        _fx.Docker("rm", "-f", probe);
        Assert.Equal(0, _fx.Docker("create", "--name", probe, ImageBuildFixture.BaseImage).ExitCode);
        try
        {
            string copy = Path.Combine(_fx.WorkDir, "websms-link");
            File.Delete(copy);
            Shell.Result cp = _fx.Docker("cp", probe + ":/usr/local/bin/websms", copy); // no -L: the link itself
            Assert.True(cp.ExitCode == 0, cp.Output);
            Assert.Equal("/usr/bin/switchboard", new FileInfo(copy).LinkTarget);
        }
        finally
        {
            _fx.Docker("rm", "-f", probe);
        }

        Shell.Result websms = _fx.Docker("run", "--rm", "--entrypoint", "/usr/local/bin/websms", ImageBuildFixture.BaseImage);
        Assert.True(websms.ExitCode is 1 or 2, "websms via the link: " + websms.ExitCode + "\n" + websms.Output); // 126/127 = not executable / missing
        Assert.Contains("websms", websms.Output, StringComparison.OrdinalIgnoreCase);
    }

    [BubblewrapFact]
    public void Same_hardened_run_under_bubblewrap()
    {
        Assert.True(_fx.BuildProblem is null, _fx.BuildProblem);
        string data = Path.Combine(_fx.WorkDir, "bwrap-srv");
        Directory.CreateDirectory(data);
        Assert.Equal(0, Shell.Run("chown", ["10001:10001", data], TimeSpan.FromSeconds(10)).ExitCode);
        string log = Path.Combine(_fx.WorkDir, "bwrap.log");

        var start = new ProcessStartInfo("bwrap")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string a in new[]
        {
            "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--perms", "1777", "--tmpfs", "/tmp",
            "--bind", data, "/srv", "--ro-bind", Path.GetDirectoryName(_fx.PublishedBinary)!, "/tmp/sbbin", "--unshare-ipc", "--unshare-uts", "--unshare-net", "--new-session", "--die-with-parent",
            "--setenv", "HOSTNAME", Host, "--setenv", "SYSLOG_LEVEL", "8", "--setenv", "ACME_FILE", "",
            "--", "setpriv", "--reuid", "10001", "--regid", "10001", "--clear-groups", "--bounding-set", "-all",
            "--inh-caps", "-all", "--no-new-privs", "/tmp/sbbin/switchboard", "run", "--data-dir", "/srv",
        })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var lines = new List<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (lines) { lines.Add(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (lines) { lines.Add(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            Assert.True(WaitFor(() => { lock (lines) { return lines.Any(l => l.Contains($"host {Host}: data /srv", StringComparison.Ordinal)) && lines.Any(l => l.Contains(" ready in ", StringComparison.Ordinal)); } }, TimeSpan.FromSeconds(30)),
                "no start-up or ready line; output:\n" + string.Join('\n', lines));
            Assert.Equal(SeedFiles(), ConfigFiles(Path.Combine(data, "etc", "asterisk")));
            string cert = Path.Combine(data, "etc", "ssl", "asterisk", "cert.pem");
            Assert.Contains("DNS:" + Host, Shell.Run("openssl", ["x509", "-in", cert, "-noout", "-ext", "subjectAltName"], TimeSpan.FromSeconds(10)).Stdout, StringComparison.Ordinal);
            Assert.Equal("10001", Shell.Run("stat", ["-c", "%u", cert], TimeSpan.FromSeconds(5)).Stdout.Trim());

            // SIGTERM to the PBX (bwrap's child after setpriv exec'ed it): clean exit 0 within 10 s.
            int pbx = int.Parse(Shell.Run("pgrep", ["-P", process.Id.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(5)).Stdout.Split('\n')[0].Trim(), CultureInfo.InvariantCulture);
            var watch = Stopwatch.StartNew();
            Assert.Equal(0, Shell.Run("kill", ["-TERM", pbx.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(5)).ExitCode);
            Assert.True(process.WaitForExit(10_000), "did not stop within 10 s");
            _out.WriteLine($"bubblewrap: stopped in {watch.ElapsedMilliseconds} ms");
            Assert.Equal(0, process.ExitCode);
            lock (lines)
            {
                Assert.Contains(lines, l => l.Contains("shutdown finished", StringComparison.Ordinal));
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private string StartContainer(string mount)
    {
        string name = "sb-test-" + Guid.NewGuid().ToString("N")[..10];
        var args = new List<string> { "run", "-d", "--name", name };
        args.AddRange(Hardened);
        args.AddRange(["-e", "HOSTNAME=" + Host, "-e", "SYSLOG_LEVEL=8", "-v", mount,
            "-p", "127.0.0.1::5060/udp", "-p", "127.0.0.1::5060/tcp", "-p", "127.0.0.1::5061/tcp",
            "--health-interval", "2s", "--health-timeout", "5s", "--health-start-period", "1s", "--health-retries", "3",
            ImageBuildFixture.Image]);
        Shell.Result run = _fx.Docker([.. args]);
        Assert.True(run.ExitCode == 0, run.Output);
        return name;
    }

    /// <summary>Waits for the start-up line, checks seeding and the certificate; returns the certificate's fingerprint.</summary>
    private string CheckStarted(string name, bool expectSeeding = true)
    {
        string logs = "";
        bool started = WaitFor(() => (logs = _fx.Docker("logs", name).Output).Contains($"host {Host}: data /srv", StringComparison.Ordinal) && logs.Contains(" ready in ", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.True(started, "no start-up line in the container log:\n" + logs);
        Assert.Equal("true", _fx.Docker("inspect", "-f", "{{.State.Running}}", name).Stdout.Trim());

        string copy = Path.Combine(_fx.WorkDir, "copy-" + name);
        Assert.Equal(0, _fx.Docker("cp", name + ":/srv/.", copy).ExitCode);
        if (expectSeeding)
        {
            Assert.Equal(SeedFiles(), ConfigFiles(Path.Combine(copy, "etc", "asterisk")));
        }
        else
        {
            Assert.Contains("is not empty; seeding skipped", logs, StringComparison.Ordinal);
        }

        string cert = Path.Combine(copy, "etc", "ssl", "asterisk", "cert.pem");
        Shell.Result x509 = Shell.Run("openssl", ["x509", "-in", cert, "-noout", "-subject", "-ext", "subjectAltName", "-fingerprint", "-sha256"], TimeSpan.FromSeconds(10));
        Assert.Contains("CN = " + Host, x509.Stdout, StringComparison.Ordinal);
        Assert.Contains("DNS:" + Host, x509.Stdout, StringComparison.Ordinal);
        return x509.Stdout.Split('\n').First(l => l.Contains("Fingerprint", StringComparison.Ordinal));
    }

    private void CheckSip(string name)
    {
        if (!RunWiresTransport("PjsipService"))
        {
            _out.WriteLine("SIP checks not run: src/Switchboard/Run does not start the PJSIP service yet");
            return;
        }

        Assert.True(Shell.OnPath("sipp"), "sipp missing (apt-get install sip-tester)");
        foreach (string proto in new[] { "udp", "tcp" })
        {
            int port = PublishedPort(name, "5060/" + proto);
            Assert.True(SippOptions(port, proto), $"no answer to SIPp OPTIONS over {proto} on 127.0.0.1:{port}");
        }

        Assert.True(WaitFor(() => _fx.Docker("inspect", "-f", "{{.State.Health.Status}}", name).Stdout.Trim() == "healthy", TimeSpan.FromSeconds(30)),
            "HEALTHCHECK did not turn healthy: " + _fx.Docker("inspect", "-f", "{{json .State.Health}}", name).Stdout);

        // The seed's pjsip_transport.conf has a tls transport on 5061 served with the self-signed certificate.
        {
            int tls = PublishedPort(name, "5061/tcp");
            Shell.Result s = Shell.Run("openssl", ["s_client", "-connect", $"127.0.0.1:{tls}", "-servername", Host, "-showcerts"], TimeSpan.FromSeconds(15), stdin: "");
            Shell.Result parsed = Shell.Run("openssl", ["x509", "-noout", "-subject", "-ext", "subjectAltName"], TimeSpan.FromSeconds(10), stdin: s.Stdout);
            Assert.Contains("DNS:" + Host, parsed.Stdout, StringComparison.Ordinal);
        }
    }

    private bool SippOptions(int port, string proto)
    {
        string dir = Path.Combine(_fx.WorkDir, "sipp-" + proto);
        Directory.CreateDirectory(dir);
        string scenario = Path.Combine(dir, "options.xml");
        File.WriteAllText(scenario, """
            <?xml version="1.0" encoding="ISO-8859-1" ?>
            <scenario name="options">
              <send retrans="500">
                <![CDATA[
            OPTIONS sip:[remote_ip]:[remote_port] SIP/2.0
            Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch];rport
            Max-Forwards: 70
            From: <sip:probe@[local_ip]>;tag=[call_number]
            To: <sip:[remote_ip]:[remote_port]>
            Call-ID: [call_id]
            CSeq: 1 OPTIONS
            Contact: <sip:probe@[local_ip]:[local_port];transport=[transport]>
            Content-Length: 0

                ]]>
              </send>
              <recv response="200" optional="true" next="done"/>
              <recv response="401" optional="true" next="done"/>
              <recv response="404" optional="true" next="done"/>
              <recv response="405"/>
              <label id="done"/>
            </scenario>
            """);
        int local = FreePort(proto == "udp" ? SocketType.Dgram : SocketType.Stream, proto == "udp" ? ProtocolType.Udp : ProtocolType.Tcp);
        Shell.Result r = Shell.Run("sipp", ["-sf", scenario, $"127.0.0.1:{port}", "-i", "127.0.0.1", "-p", local.ToString(CultureInfo.InvariantCulture),
            "-t", proto == "udp" ? "u1" : "t1", "-m", "1", "-timeout", "10s", "-nostdin", "-trace_err"], TimeSpan.FromSeconds(20), workingDirectory: dir);
        _out.WriteLine($"sipp OPTIONS {proto}: exit {r.ExitCode}");
        return r.ExitCode == 0;
    }

    private int PublishedPort(string name, string containerPort)
    {
        string mapping = _fx.Docker("port", name, containerPort).Stdout.Split('\n')[0].Trim();
        return int.Parse(mapping[(mapping.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
    }

    private void StopAndCheck(string name)
    {
        var watch = Stopwatch.StartNew();
        Shell.Result stop = _fx.Docker(TimeSpan.FromSeconds(30), "stop", "-t", "10", name);
        watch.Stop();
        string logs = _fx.Docker("logs", name).Output;
        string code = _fx.Docker("inspect", "-f", "{{.State.ExitCode}}", name).Stdout.Trim();
        _fx.Docker("rm", "-f", name);
        Assert.True(stop.ExitCode == 0, stop.Output);
        _out.WriteLine($"docker stop took {watch.ElapsedMilliseconds} ms, exit code {code}");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"docker stop took {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(code == "0", "exit code " + code + "; log:\n" + logs);
        Assert.Contains("shutdown requested (SIGTERM)", logs, StringComparison.Ordinal);
        Assert.Contains("shutdown finished", logs, StringComparison.Ordinal);
    }

    private List<string> SeedFiles()
    {
        string seed = Path.Combine(_fx.RepoRoot, "config", "seed");
        return Directory.Exists(seed) ? ConfigFiles(seed) : [];
    }

    private static List<string> ConfigFiles(string dir)
    {
        var files = Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f)).ToList()
            : [];
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static int FreePort(SocketType type, ProtocolType protocol)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, type, protocol);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private static bool WaitFor(Func<bool> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (condition())
            {
                return true;
            }

            Thread.Sleep(250);
        }

        return condition();
    }
}
