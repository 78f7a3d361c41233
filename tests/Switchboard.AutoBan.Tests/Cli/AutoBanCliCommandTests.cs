using Switchboard.AutoBan.Cli;
using Switchboard.AutoBan.Configuration;
using Switchboard.AutoBan.Policy;
using Switchboard.AutoBan.Tests.Support;
using Switchboard.Core.Cli;

namespace Switchboard.AutoBan.Tests.Cli;

public sealed class AutoBanCliCommandTests : IDisposable
{
    private readonly PolicyHarness _h = new(AutoBanOptions.Default with { MaxCount = 1 });
    private readonly CliCommandRegistry _registry = new();

    public AutoBanCliCommandTests() => _registry.Register(new AutoBanCliCommand(_h.Policy));

    public void Dispose() => _h.Dispose();

    private (int Rc, string[] Lines) Run(string line)
    {
        var sw = new StringWriter { NewLine = "\n" };
        int rc = _registry.ExecuteAsync(line, sw, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return (rc, sw.ToString().TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Show_prints_the_reference_table_with_remaining_times()
    {
        _h.Offend("62.210.151.21");
        _h.Advance(TimeSpan.FromSeconds(57));
        Run("autoban add blacklist = 77.247.110.24");
        Run("autoban add whitelist = 2001:db8::7");
        var (rc, lines) = Run("autoban show");
        Assert.Equal(0, rc);
        Assert.Equal(
        [
            "           addr        watch         jail       parole    blacklist    whitelist",
            "  62.210.151.21                     19m3s        39m3s                          ",
            "  77.247.110.24                                                   X             ",
            "    2001:db8::7                                                                X",
            "                           0            1            1            1            1",
        ], lines);
        Assert.Equal(lines, Run("autoban").Lines);
        Assert.Equal(lines, Run("autoban s").Lines);
    }

    [Fact]
    public void Add_without_separator_blacklists()
    {
        var (rc, lines) = Run("autoban add 192.0.2.1 192.0.2.2");
        Assert.Equal(0, rc);
        Assert.Equal(["Added 192.0.2.1 to blacklist", "Added 192.0.2.2 to blacklist"], lines);
        Assert.Equal(["192.0.2.1 192.0.2.2"], Run("autoban list blacklist").Lines);
        Assert.False(_h.Admitted("192.0.2.1"));
    }

    [Theory]
    [InlineData("=")]
    [InlineData(":")]
    [InlineData("+")]
    [InlineData("-")]
    public void Every_separator_works(string sep)
    {
        Assert.Equal(0, Run($"autoban a jail parole {sep} 192.0.2.9").Rc);
        Assert.Equal(["jail: 192.0.2.9", "parole: 192.0.2.9"], Run("autoban ls jail parole").Lines);
    }

    [Fact]
    public void Sets_as_sources_copy_their_members()
    {
        Run("autoban add watch = 192.0.2.1 192.0.2.2");
        Run("autoban add jail parole = watch");
        Assert.Equal(["192.0.2.1 192.0.2.2"], Run("autoban l jail").Lines);
        Assert.Equal(["192.0.2.1 192.0.2.2"], Run("autoban l parole").Lines);
        Assert.False(_h.Admitted("192.0.2.2"));
    }

    [Fact]
    public void Reference_example_add_blacklist_and_jail_in_one_line()
    {
        Run("autoban add blacklist = 77.247.110.24 jail 62.210.151.21");
        Run("autoban add jail = 62.210.151.21");
        Run("autoban add blacklist = 77.247.110.24 jail");
        Assert.Equal(["62.210.151.21 77.247.110.24"], Run("autoban list blacklist").Lines);
    }

    [Fact]
    public void Delete_defaults_to_all_sets_and_all_source_flushes()
    {
        _h.Offend("192.0.2.1");
        Run("autoban add 192.0.2.1");
        var (rc, lines) = Run("autoban del 192.0.2.1");
        Assert.Equal(0, rc);
        Assert.Equal(["Deleted 192.0.2.1 from jail", "Deleted 192.0.2.1 from parole", "Deleted 192.0.2.1 from blacklist"], lines);
        Assert.True(_h.Admitted("192.0.2.1"));

        _h.Offend("192.0.2.2");
        _h.Offend("192.0.2.3");
        Run("autoban add whitelist = 192.0.2.4");
        Assert.Equal(0, Run("autoban delete jail = all").Rc);
        Assert.Equal([""], Run("autoban list jail").Lines);
        Assert.Equal(["192.0.2.2 192.0.2.3"], Run("autoban list parole").Lines);
        Assert.Equal(0, Run("autoban d all = all").Rc);
        Assert.Equal(["watch:", "jail:", "parole:", "blacklist:", "whitelist:"], Run("autoban list").Lines);
    }

    [Fact]
    public void Delete_from_named_sets_with_set_source()
    {
        Run("autoban add jail parole blacklist = 192.0.2.5 192.0.2.6");
        Run("autoban del jail parole = 192.0.2.5 blacklist");
        Assert.Equal([""], Run("autoban list jail").Lines);
        Assert.Equal(["192.0.2.5 192.0.2.6"], Run("autoban list blacklist").Lines);
    }

    [Fact]
    public void List_all_prints_set_lines()
    {
        Run("autoban add whitelist = 192.0.2.7");
        Assert.Equal(["watch:", "jail:", "parole:", "blacklist:", "whitelist: 192.0.2.7"], Run("autoban list all").Lines);
        Assert.Equal(["192.0.2.7"], Run("autoban list whitelist").Lines);
    }

    [Fact]
    public void Errors_are_clear_and_change_nothing()
    {
        var (rc, lines) = Run("autoban add nosuchset = 192.0.2.1");
        Assert.Equal(1, rc);
        Assert.Contains("unknown set 'nosuchset'", lines[0], StringComparison.Ordinal);
        (rc, lines) = Run("autoban add blacklist = 999.1.1.1 192.0.2.8");
        Assert.Equal(1, rc);
        Assert.Equal(["autoban: '999.1.1.1' is neither an IP address nor a set name - skipped", "Added 192.0.2.8 to blacklist"], lines);
        Assert.Equal(1, Run("autoban add all = 192.0.2.1").Rc);
        Assert.Equal(1, Run("autoban add jail =").Rc);
        Assert.Equal(1, Run("autoban list bogus").Rc);
        Assert.Equal(["192.0.2.8"], Run("autoban list blacklist").Lines);
    }

    [Theory]
    [InlineData("autoban help")]
    [InlineData("autoban frobnicate")]
    public void Help_and_unknown_subcommands_print_usage(string line)
    {
        var (rc, lines) = Run(line);
        Assert.Equal(0, rc);
        Assert.StartsWith("Usage: autoban", lines[0], StringComparison.Ordinal);
        Assert.Contains("  autoban del all = all", lines);
    }
}
