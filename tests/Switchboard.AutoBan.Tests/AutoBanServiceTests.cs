using Microsoft.Extensions.Logging;
using Switchboard.AutoBan.Configuration;
using Switchboard.AutoBan.Policy;
using Switchboard.AutoBan.Tests.Support;
using Switchboard.Core.Cli;
using Switchboard.Core.Events;

namespace Switchboard.AutoBan.Tests;

public sealed class AutoBanServiceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Start_creates_the_inet_table_with_ipv4_and_ipv6_sets_and_the_chain()
    {
        var nft = new FakeNftRunner();
        await using var h = new ServiceHarness(_dir, runner: nft);
        await h.Service.StartAsync();
        Assert.True(h.Service.NftActive);
        var create = nft.Scripts[0];
        Assert.StartsWith("add table inet autoban\ndelete table inet autoban\ntable inet autoban {\n", create, StringComparison.Ordinal);
        foreach (var set in new[] { "watch", "jail", "parole" })
        {
            Assert.Contains($"set {set} {{ type ipv4_addr; flags timeout; }}", create, StringComparison.Ordinal);
            Assert.Contains($"set {set}6 {{ type ipv6_addr; flags timeout; }}", create, StringComparison.Ordinal);
        }

        Assert.Contains("set blacklist { type ipv4_addr; }", create, StringComparison.Ordinal);
        Assert.Contains("set whitelist6 { type ipv6_addr; }", create, StringComparison.Ordinal);
        Assert.Contains("type filter hook input priority security; policy accept;", create, StringComparison.Ordinal);
        Assert.True(create.IndexOf("ip saddr @whitelist accept", StringComparison.Ordinal) < create.IndexOf("ip saddr @blacklist counter drop", StringComparison.Ordinal));
        Assert.Contains("ip6 saddr @jail6 counter drop", create, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Security_events_on_the_bus_jail_through_nft_and_the_filter()
    {
        var nft = new FakeNftRunner();
        await using var h = new ServiceHarness(_dir, AutoBanOptions.Default with { MaxCount = 3 }, nft);
        await h.Service.StartAsync();
        h.Offend("192.0.2.1", 2);
        Assert.True(h.Admitted("192.0.2.1"));
        h.Offend("192.0.2.1");
        Assert.False(h.Admitted("192.0.2.1"));
        await h.Service.FlushNftAsync();
        var all = nft.All;
        Assert.Contains("add element inet autoban watch { 192.0.2.1 timeout 1200s }", all, StringComparison.Ordinal);
        Assert.Contains("add element inet autoban jail { 192.0.2.1 timeout 1200s }\ndelete element inet autoban jail { 192.0.2.1 }\nadd element inet autoban jail { 192.0.2.1 timeout 1200s }\n", all, StringComparison.Ordinal);
        Assert.Contains("add element inet autoban parole { 192.0.2.1 timeout 2400s }", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ipv6_offenders_go_to_the_ipv6_sets()
    {
        var nft = new FakeNftRunner();
        await using var h = new ServiceHarness(_dir, AutoBanOptions.Default with { MaxCount = 1 }, nft);
        await h.Service.StartAsync();
        h.Offend("2001:db8::66");
        await h.Service.FlushNftAsync();
        Assert.Contains("add element inet autoban jail6 { 2001:db8::66 timeout 1200s }", nft.All, StringComparison.Ordinal);
        Assert.False(h.Admitted("2001:db8::66"));
    }

    [Theory]
    [InlineData(SecurityEventType.FailedACL)]
    [InlineData(SecurityEventType.InvalidAccountID)]
    [InlineData(SecurityEventType.ChallengeResponseFailed)]
    [InlineData(SecurityEventType.InvalidPassword)]
    public async Task Counts_the_four_failure_events_also_from_ami(SecurityEventType type)
    {
        await using var h = new ServiceHarness(_dir, AutoBanOptions.Default with { MaxCount = 2, NftEnabled = false });
        await h.Service.StartAsync();
        h.Offend("192.0.2.2", 1, type, "AMI");
        h.Offend("192.0.2.2", 1, type);
        Assert.False(h.Admitted("192.0.2.2"));
    }

    [Theory]
    [InlineData(SecurityEventType.ChallengeSent)]
    [InlineData(SecurityEventType.SuccessfulAuth)]
    [InlineData(SecurityEventType.RequestBadFormat)]
    [InlineData(SecurityEventType.InvalidTransport)]
    public async Task Ignores_other_security_events(SecurityEventType type)
    {
        await using var h = new ServiceHarness(_dir, AutoBanOptions.Default with { MaxCount = 1, NftEnabled = false });
        await h.Service.StartAsync();
        h.Offend("192.0.2.3", 5, type);
        Assert.True(h.Admitted("192.0.2.3"));
        Assert.Empty(h.Service.Policy.Snapshot());
    }

    [Fact]
    public async Task Without_nftables_one_warning_then_in_process_only()
    {
        await using var h = new ServiceHarness(_dir, AutoBanOptions.Default with { MaxCount = 1, NftEnabled = false });
        await h.Service.StartAsync();
        h.Offend("192.0.2.4");
        h.Offend("192.0.2.5");
        Assert.False(h.Service.NftActive);
        var nftWarnings = h.Logger.At(LogLevel.Warning).Where(l => l.Contains("nftables", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["AutoBan: nftables enforcement unavailable (disabled in autoban.conf); offenders are dropped in-process only"], nftWarnings);
        Assert.False(h.Admitted("192.0.2.4"));
        Assert.False(h.Admitted("192.0.2.5"));
    }

    [Fact]
    public async Task When_nft_refuses_the_table_one_warning_then_in_process_only()
    {
        var nft = new FakeNftRunner { FailWhen = _ => true };
        await using var h = new ServiceHarness(_dir, AutoBanOptions.Default with { MaxCount = 1 }, nft);
        await h.Service.StartAsync();
        h.Offend("192.0.2.6");
        Assert.False(h.Service.NftActive);
        Assert.Single(nft.Scripts);
        Assert.Single(h.Logger.At(LogLevel.Warning), l => l.Contains("nftables enforcement unavailable (nft failed: /dev/stdin:1:1-5: Error: refused by fake)", StringComparison.Ordinal));
        Assert.False(h.Admitted("192.0.2.6"));
    }

    [Fact]
    public async Task Cli_command_registers_as_autoban()
    {
        await using var h = new ServiceHarness(_dir, AutoBanOptions.Default with { NftEnabled = false });
        await h.Service.StartAsync();
        var registry = new CliCommandRegistry();
        registry.Register(h.Service.CliCommand);
        var sw = new StringWriter();
        Assert.Equal(0, await registry.ExecuteAsync("autoban add blacklist = 198.51.100.1", sw, CancellationToken.None));
        Assert.False(h.Admitted("198.51.100.1"));
    }

    [Fact]
    public async Task Restart_keeps_the_jail_with_its_remaining_time_downtime_included()
    {
        var nft = new FakeNftRunner();
        var h = new ServiceHarness(_dir, AutoBanOptions.Default with { MaxCount = 1 }, nft);
        await h.Service.StartAsync();
        h.Offend("192.0.2.7");
        await h.Service.CliCommand.ExecuteAsync(["add", "whitelist", "=", "192.0.2.8"], TextWriter.Null, CancellationToken.None);
        h.Time.Advance(TimeSpan.FromMinutes(2));
        await h.Service.StopAsync();
        Assert.True(File.Exists(h.StatePath));
        Assert.False(File.Exists(h.StatePath + ".tmp"));

        h.Time.Advance(TimeSpan.FromMinutes(3)); // the process is down
        var nft2 = new FakeNftRunner();
        await using var h2 = h.Restart(nft2);
        await h2.Service.StartAsync();
        var view = h2.Service.Policy.Snapshot();
        var jailed = view.Single(v => v.Address.ToString() == "192.0.2.7");
        Assert.Equal(TimeSpan.FromMinutes(15), jailed.JailRemaining);
        Assert.Equal(TimeSpan.FromMinutes(35), jailed.ParoleRemaining);
        Assert.Equal(TimeSpan.FromMinutes(20), jailed.JailSentence);
        Assert.True(view.Single(v => v.Address.ToString() == "192.0.2.8").Whitelisted);
        Assert.False(h2.Admitted("192.0.2.7"));
        Assert.Contains("add element inet autoban jail { 192.0.2.7 timeout 900s }", nft2.Scripts[0], StringComparison.Ordinal);
        Assert.Contains("add element inet autoban whitelist { 192.0.2.8 }", nft2.Scripts[0], StringComparison.Ordinal);

        h2.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        Assert.True(h2.Admitted("192.0.2.7"));
    }

    [Fact]
    public async Task Entries_that_ran_out_while_down_are_not_restored()
    {
        var h = new ServiceHarness(_dir, AutoBanOptions.Default with { MaxCount = 1, NftEnabled = false });
        await h.Service.StartAsync();
        h.Offend("192.0.2.9");
        await h.Service.StopAsync();
        h.Time.Advance(TimeSpan.FromMinutes(30));
        await using var h2 = h.Restart();
        await h2.Service.StartAsync();
        var v = Assert.Single(h2.Service.Policy.Snapshot());
        Assert.Null(v.JailRemaining);
        Assert.Equal(TimeSpan.FromMinutes(10), v.ParoleRemaining);
        Assert.True(h2.Admitted("192.0.2.9"));
    }

    [Fact]
    public async Task State_is_saved_debounced_after_a_change()
    {
        await using var h = new ServiceHarness(_dir, AutoBanOptions.Default with { MaxCount = 1, NftEnabled = false });
        await h.Service.StartAsync();
        h.Offend("192.0.2.10");
        h.Offend("192.0.2.11");
        Assert.False(File.Exists(h.StatePath));
        h.Time.Advance(TimeSpan.FromSeconds(2));
        for (int i = 0; i < 200 && h.Service.Saver.Saves == 0; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(1, h.Service.Saver.Saves);
        var text = await File.ReadAllTextAsync(h.StatePath);
        Assert.Contains("\"address\": \"192.0.2.10\"", text, StringComparison.Ordinal);
        Assert.Contains("\"address\": \"192.0.2.11\"", text, StringComparison.Ordinal);
        Assert.Contains("\"jailRemaining\": 1198", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Corrupt_state_file_is_kept_aside_and_reported()
    {
        var h0 = new ServiceHarness(_dir, AutoBanOptions.Default with { NftEnabled = false });
        Directory.CreateDirectory(Path.GetDirectoryName(h0.StatePath)!);
        await File.WriteAllTextAsync(h0.StatePath, "{ not json");
        await using var h = h0;
        await h.Service.StartAsync();
        Assert.True(File.Exists(h.StatePath + ".corrupt"));
        Assert.Contains(h.Logger.At(LogLevel.Warning), l => l.Contains("unreadable", StringComparison.Ordinal));
        Assert.Empty(h.Service.Policy.Snapshot());
    }

    [Fact]
    public async Task Configured_lists_apply_at_start()
    {
        var options = AutoBanOptions.Default with { MaxCount = 1, NftEnabled = false, Whitelist = ["192.0.2.20"], Blacklist = ["192.0.2.21"] };
        await using var h = new ServiceHarness(_dir, options);
        await h.Service.StartAsync();
        h.Offend("192.0.2.20", 3);
        Assert.True(h.Admitted("192.0.2.20"));
        Assert.False(h.Admitted("192.0.2.21"));
    }

    [Fact]
    public async Task From_config_file_returns_null_when_disabled()
    {
        var logger = new CapturingLogger();
        var conf = Path.Combine(_dir.Path, "autoban.conf");
        Assert.Null(AutoBanService.FromConfigFile(conf, new EventBus(), TimeProvider.System, logger, Path.Combine(_dir.Path, "s.json")));
        await File.WriteAllTextAsync(conf, "[autoban]\nmaxcount = 3\nbogus = 1\n[nftables]\nenabled = no\n");
        var svc = AutoBanService.FromConfigFile(conf, new EventBus(), TimeProvider.System, logger, Path.Combine(_dir.Path, "s.json"));
        Assert.NotNull(svc);
        await svc.DisposeAsync();
        Assert.Equal(3, svc.Options.MaxCount);
        Assert.Contains(logger.At(LogLevel.Warning), l => l == "AutoBan: autoban.conf:3: warning: unknown key 'bogus' in [autoban] ignored");
    }
}
