using System.Diagnostics;

namespace Switchboard.Interop.Tests.Container;

/// <summary>
/// Builds the image once for the container tests: publishes the binary and stages the layers with
/// container/build.sh (from local files only), then `docker build`s target mini when a Docker engine
/// is reachable. Uses $DOCKER_HOST when it answers; otherwise starts a private dockerd (own socket,
/// data-root and exec-root) when dockerd is installed and we are root, and stops it at the end.
/// </summary>
public sealed class ImageBuildFixture : IDisposable
{
    public const string Image = "switchboard-test:mini";

    /// <summary>The base target (mini + nft + the websms link), built alongside mini.</summary>
    public const string BaseImage = "switchboard-test:base";
    private Process? _dockerd;
    private readonly string _work = Path.Combine(Path.GetTempPath(), "sb-container-" + Environment.ProcessId);

    public ImageBuildFixture()
    {
        RepoRoot = FindRepoRoot();
        Directory.CreateDirectory(_work);
        DockerProblem = StartDocker();
        Stopwatch watch = Stopwatch.StartNew();
        if (!Shell.OnPath("python3") || !Shell.OnPath("dotnet"))
        {
            BuildProblem = "python3 or dotnet missing";
            return;
        }

        var env = new Dictionary<string, string>
        {
            ["OUT"] = Artifacts,
            ["REPO"] = "switchboard-test",
            ["BUILDER"] = DockerProblem is null ? "docker" : "none",
        };
        if (DockerHost is not null)
        {
            env["DOCKER_HOST"] = DockerHost;
        }

        // A binary published already (same commit) can be reused: SWITCHBOARD_CONTAINER_PUBLISH=<dir with switchboard>.
        string? prebuilt = Environment.GetEnvironmentVariable("SWITCHBOARD_CONTAINER_PUBLISH");
        if (!string.IsNullOrEmpty(prebuilt) && File.Exists(Path.Combine(prebuilt, "switchboard")))
        {
            Directory.CreateDirectory(Path.Combine(Artifacts, "publish"));
            foreach (string file in Directory.GetFiles(prebuilt))
            {
                File.Copy(file, Path.Combine(Artifacts, "publish", Path.GetFileName(file)), overwrite: true);
            }

            env["SKIP_PUBLISH"] = "1";
        }

        Shell.Result build = Shell.Run(Path.Combine(RepoRoot, "container", "build.sh"), ["mini", "base"], TimeSpan.FromMinutes(20), env, RepoRoot);
        BuildLog = build.Output;
        BuildTime = watch.Elapsed;
        if (build.ExitCode != 0)
        {
            BuildProblem = "container/build.sh failed:\n" + build.Output;
        }
    }

    public string RepoRoot { get; }

    public string Artifacts => Path.Combine(_work, "artifacts");

    public string PublishedBinary => Path.Combine(Artifacts, "publish", "switchboard");

    public string? DockerHost { get; private set; }

    /// <summary>Why Docker cannot be used (tool absent); null when it can.</summary>
    public string? DockerProblem { get; }

    /// <summary>Why the build failed; null when it succeeded.</summary>
    public string? BuildProblem { get; }

    public string BuildLog { get; } = "";

    public TimeSpan BuildTime { get; }

    public string WorkDir => _work;

    public Shell.Result Docker(params string[] args) => Docker(TimeSpan.FromSeconds(60), args);

    public Shell.Result Docker(TimeSpan timeout, params string[] args)
    {
        var env = new Dictionary<string, string>();
        if (DockerHost is not null)
        {
            env["DOCKER_HOST"] = DockerHost;
        }

        return Shell.Run("docker", args, timeout, env);
    }

    public void Dispose()
    {
        if (_dockerd is not null)
        {
            try
            {
                _dockerd.Kill();
                _dockerd.WaitForExit(15000);
            }
            catch (InvalidOperationException)
            {
            }

            _dockerd.Dispose();
        }

        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    internal static string FindRepoRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Switchboard.slnx")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("repository root not found");
    }

    private string? StartDocker()
    {
        if (!Shell.OnPath("docker"))
        {
            return "the docker client is not installed (apt-get install docker.io)";
        }

        string? existing = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (existing is not null && Shell.Run("docker", ["info"], TimeSpan.FromSeconds(20)).ExitCode == 0)
        {
            DockerHost = existing;
            return null;
        }

        if (!Shell.OnPath("dockerd"))
        {
            return "dockerd is not installed (apt-get install docker.io)";
        }

        if (Environment.UserName != "root")
        {
            return "starting a private dockerd needs root";
        }

        string socket = $"/run/sb-test-docker-{Environment.ProcessId}.sock";
        _dockerd = Process.Start(new ProcessStartInfo("dockerd")
        {
            ArgumentList =
            {
                "--host", "unix://" + socket, "--data-root", Path.Combine(_work, "docker-data"),
                "--exec-root", $"/run/sb-test-docker-{Environment.ProcessId}", "--pidfile", $"/run/sb-test-docker-{Environment.ProcessId}.pid",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        });
        _dockerd!.OutputDataReceived += (_, _) => { };
        _dockerd.ErrorDataReceived += (_, _) => { };
        _dockerd.BeginOutputReadLine();
        _dockerd.BeginErrorReadLine();
        DockerHost = "unix://" + socket;
        for (int i = 0; i < 60; i++)
        {
            if (Docker(TimeSpan.FromSeconds(5), "info").ExitCode == 0)
            {
                return null;
            }

            Thread.Sleep(500);
        }

        return "the private dockerd did not start within 30 s";
    }
}
