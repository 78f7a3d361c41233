using Switchboard.Core.Cli;

namespace Switchboard.Core.Tests.Cli;

public sealed class CliCommandRegistryTests
{
    [Fact]
    public async Task Longest_prefix_wins_and_args_follow()
    {
        var reg = new CliCommandRegistry();
        string? seen = null;
        reg.Register(CliCommand.Sync("pjsip show endpoints", "list", (a, o) => o.Write("all")));
        reg.Register(CliCommand.Sync("pjsip show endpoint", "one", (a, o) => seen = a[0]));
        var w = new StringWriter();
        Assert.Equal(0, await reg.ExecuteAsync("PJSIP show endpoint \"alice smith\"", w, default));
        Assert.Equal("alice smith", seen);
        Assert.Equal(0, await reg.ExecuteAsync("pjsip show endpoints", w, default));
        Assert.Equal("all", w.ToString());
    }

    [Fact]
    public async Task Unknown_command_reports_like_asterisk()
    {
        var reg = new CliCommandRegistry();
        var w = new StringWriter();
        Assert.Equal(1, await reg.ExecuteAsync("bogus thing", w, default));
        Assert.Contains("No such command 'bogus thing'", w.ToString());
    }
}
