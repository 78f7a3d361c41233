using Microsoft.Extensions.Logging;
using Switchboard.Hosting;

namespace Switchboard.Tests.Hosting;

public sealed class HookRunnerTests
{
    private const UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    [Fact]
    public async Task Runs_executable_files_sorted_by_path_and_skips_the_rest()
    {
        using var dir = new TestDirectory();
        string order = dir.Combine("order.txt");
        dir.Write("hooks/20-second", $"#!/bin/sh\necho second >> {order}\n", Executable);
        dir.Write("hooks/10-first", $"#!/bin/sh\necho first >> {order}\necho hello from first\n", Executable);
        dir.Write("hooks/15-not-executable", $"#!/bin/sh\necho never >> {order}\n");
        Directory.CreateDirectory(dir.Combine("hooks", "30-a-directory"));
        var log = new ListLogger();

        IReadOnlyList<HookResult> results = await new HookRunner(log).RunAsync(dir.Combine("hooks"), CancellationToken.None);

        Assert.Equal(["first", "second"], File.ReadAllLines(order));
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.True(log.Contains(LogLevel.Information, "hook 10-first: hello from first"));
    }

    [Fact]
    public async Task A_failing_hook_is_logged_and_the_next_one_still_runs()
    {
        using var dir = new TestDirectory();
        string marker = dir.Combine("ran");
        dir.Write("hooks/10-fail", "#!/bin/sh\necho broken >&2\nexit 3\n", Executable);
        dir.Write("hooks/20-ok", $"#!/bin/sh\ntouch {marker}\n", Executable);
        var log = new ListLogger();

        IReadOnlyList<HookResult> results = await new HookRunner(log).RunAsync(dir.Combine("hooks"), CancellationToken.None);

        Assert.Equal(3, results[0].ExitCode);
        Assert.True(results[1].Succeeded);
        Assert.True(File.Exists(marker));
        Assert.True(log.Contains(LogLevel.Error, "hook 10-fail exited with code 3"));
        Assert.True(log.Contains(LogLevel.Warning, "hook 10-fail: broken"));
    }

    [Fact]
    public async Task A_hook_that_hangs_is_killed_at_its_timeout()
    {
        using var dir = new TestDirectory();
        dir.Write("hooks/10-hang", "#!/bin/sh\nsleep 30\n", Executable);
        var log = new ListLogger();

        HookResult result = Assert.Single(await new HookRunner(log, TimeSpan.FromMilliseconds(300)).RunAsync(dir.Combine("hooks"), CancellationToken.None));

        Assert.Null(result.ExitCode);
        Assert.Contains("timed out", result.Error, StringComparison.Ordinal);
        Assert.True(log.Contains(LogLevel.Error, "timed out after 0.3 s"));
    }

    [Fact]
    public async Task A_hook_that_cannot_start_is_reported()
    {
        using var dir = new TestDirectory();
        dir.Write("hooks/10-no-interpreter", "#!/nonexistent/interpreter\n", Executable);
        var log = new ListLogger();

        HookResult result = Assert.Single(await new HookRunner(log).RunAsync(dir.Combine("hooks"), CancellationToken.None));

        Assert.Null(result.ExitCode);
        Assert.True(log.Contains(LogLevel.Error, "could not start"));
    }

    [Fact]
    public async Task Missing_directory_runs_nothing()
    {
        using var dir = new TestDirectory();
        Assert.Empty(await new HookRunner(new ListLogger()).RunAsync(dir.Combine("absent"), CancellationToken.None));
    }

    [Fact]
    public async Task Environment_is_passed_to_hooks()
    {
        using var dir = new TestDirectory();
        string output = dir.Combine("env.txt");
        dir.Write("hooks/10-env", $"#!/bin/sh\necho \"$SWITCHBOARD_DATA_DIR\" > {output}\n", Executable);
        var env = new Dictionary<string, string> { ["SWITCHBOARD_DATA_DIR"] = "/srv" };
        await new HookRunner(new ListLogger(), environment: env).RunAsync(dir.Combine("hooks"), CancellationToken.None);
        Assert.Equal("/srv", File.ReadAllText(output).Trim());
    }
}
