using Switchboard.AutoBan.Addressing;
using Switchboard.AutoBan.Enforcement;
using Switchboard.AutoBan.Policy;
using Switchboard.AutoBan.Tests.Support;

namespace Switchboard.AutoBan.Tests.Enforcement;

public sealed class NftEnforcerTests
{
    private static BanAddress A(string s) => BanAddress.TryParse(s, 128, out var a) ? a : throw new ArgumentException(s);

    private static SetChange Jail(string ip) => new(SetChangeKind.Added, AutoBanSet.Jail, A(ip), TimeSpan.FromMinutes(20), false);

    [Fact]
    public async Task Changes_queued_while_nft_runs_go_into_one_next_batch()
    {
        var runner = new FakeNftRunner { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var logger = new CapturingLogger();
        var enforcer = new NftEnforcer(runner, new NftScript("autoban", 128), logger);
        enforcer.Start();
        enforcer.OnChange(Jail("192.0.2.1"));
        for (int i = 0; i < 200 && runner.Scripts.Count == 0; i++)
        {
            await Task.Delay(5);
        }

        for (int i = 2; i < 102; i++)
        {
            enforcer.OnChange(Jail("192.0.2." + i));
        }

        runner.Gate.SetResult();
        await enforcer.FlushAsync();
        await enforcer.StopAsync();
        Assert.Equal(2, runner.Scripts.Count);
        Assert.Contains("192.0.2.101 timeout", runner.Scripts[1], StringComparison.Ordinal);
        Assert.Equal(0, enforcer.Failures);
    }

    [Fact]
    public async Task A_refused_batch_is_retried_unit_by_unit_and_only_the_bad_unit_is_reported()
    {
        var runner = new FakeNftRunner { FailWhen = s => s.Contains("192.0.2.66", StringComparison.Ordinal) };
        runner.Gate = new TaskCompletionSource();
        var logger = new CapturingLogger();
        var enforcer = new NftEnforcer(runner, new NftScript("autoban", 128), logger);
        enforcer.OnChange(Jail("192.0.2.1"));
        enforcer.OnChange(Jail("192.0.2.66"));
        enforcer.OnChange(Jail("192.0.2.3"));
        runner.Gate.SetResult();
        enforcer.Start();
        await enforcer.FlushAsync();
        await enforcer.StopAsync();
        Assert.Equal(4, runner.Scripts.Count);
        Assert.Equal(1, enforcer.Failures);
        var warning = Assert.Single(logger.Lines);
        Assert.Equal("AutoBan: nft failed: /dev/stdin:1:1-5: Error: refused by fake (command: add element inet autoban jail { 192.0.2.66 timeout 1200s })", warning.Message);
    }

    [Fact]
    public async Task Expired_elements_need_no_command_but_cli_removals_and_flushes_do()
    {
        var runner = new FakeNftRunner();
        var enforcer = new NftEnforcer(runner, new NftScript("ab", 128), new CapturingLogger());
        enforcer.Start();
        enforcer.OnChange(new SetChange(SetChangeKind.Removed, AutoBanSet.Jail, A("192.0.2.1"), TimeSpan.Zero, Expired: true));
        await enforcer.FlushAsync();
        Assert.Empty(runner.Scripts);
        enforcer.OnChange(new SetChange(SetChangeKind.Removed, AutoBanSet.Blacklist, A("2001:db8::1"), TimeSpan.Zero, Expired: false));
        enforcer.OnChange(new SetChange(SetChangeKind.Flushed, AutoBanSet.Watch, default, TimeSpan.Zero, false));
        await enforcer.FlushAsync();
        await enforcer.StopAsync();
        Assert.Equal(
            "add element inet ab blacklist6 { 2001:db8::1 }\ndelete element inet ab blacklist6 { 2001:db8::1 }\n"
            + "flush set inet ab watch\nflush set inet ab watch6\n",
            runner.All);
    }

    [Fact]
    public void Ipv6_aggregation_makes_the_ipv6_sets_interval_sets()
    {
        var script = new NftScript("autoban", 64).CreateTable([]);
        Assert.Contains("set jail6 { type ipv6_addr; flags interval, timeout; }", script, StringComparison.Ordinal);
        Assert.Contains("set blacklist6 { type ipv6_addr; flags interval; }", script, StringComparison.Ordinal);
        Assert.Contains("set jail { type ipv4_addr; flags timeout; }", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Capability_check_reads_bit_12_of_CapEff()
    {
        Assert.True(NftAvailability.HasNetAdmin("Name:\tx\nCapInh:\t0000000000000000\nCapEff:\t000001fffeffffff\n"));
        Assert.True(NftAvailability.HasNetAdmin("CapEff:\t0000000000001000\n"));
        Assert.False(NftAvailability.HasNetAdmin("CapEff:\t0000000000000000\n"));
        Assert.False(NftAvailability.HasNetAdmin("CapEff:\t0000000000002fff\n"));
        Assert.False(NftAvailability.HasNetAdmin("no caps here"));
    }
}
