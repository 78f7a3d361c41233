using Switchboard.TestKit.Processes;

namespace Switchboard.Interop.Tests.Security;

/// <summary>
/// AutoBan end to end (issue 4 acceptance): the real switchboard runs in its own network namespace, the attacker in
/// another, joined by a veth pair; the attacks are sipvicious's svcrack, svwar and svmap, the probe is a SIPp
/// OPTIONS, and enforcement is checked in the kernel's nftables sets and in the PBX's own counters. Needs root,
/// ip netns, nft, sipvicious, sipp and setpriv (CI runs as root); skipped with the reason otherwise.
/// </summary>
[Collection("sipp")]
public sealed class AutoBanNamespaceTests
{
    private const string Attacker = AutoBanLab.AttackerAddress;

    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(30);

    private static string Conf(string extra = "") => $"""
        [autoban]
        enabled = yes
        maxcount = 5
        watchtime = 30s
        jailtime = 6s
        repeatmult = 10
        {extra}
        """;

    [SkippableFact]
    public async Task Svcrack_is_jailed_in_nftables_released_after_jailtime_jailed_longer_on_parole_and_kept_across_restart()
    {
        var why = AutoBanLab.Unsupported();
        Skip.If(why is not null, why);
        await using var lab = await AutoBanLab.StartAsync(Conf());
        Assert.Contains("nftables table inet autoban loaded", lab.Pbx.Output, StringComparison.Ordinal);

        // maxcount failures -> jailed for jailtime; from then on nftables drops the attacker before the PBX sees it.
        await using (var svcrack = lab.StartSvcrack())
        {
            await lab.WaitForLogAsync($"Jailing {Attacker} 6s", Soon);
            svcrack.Kill();
        }

        Assert.Equal(6, lab.JailTimeoutSeconds());
        await Task.Delay(300); // requests parsed before the jail took effect finish logging
        int parsed = lab.SecurityEventsFromAttacker();
        Assert.True(parsed >= 5, lab.Pbx.Output);
        long dropsBefore = lab.NftJailDrops();
        long filterDropsBefore = await lab.FilterDropsAsync();
        Assert.False(await lab.OptionsAnsweredAsync(), "a jailed attacker's OPTIONS was answered");
        Assert.True(lab.NftJailDrops() > dropsBefore, "the nft jail rule counted no drop");
        Assert.Equal(parsed, lab.SecurityEventsFromAttacker());

        // The kernel dropped the probe: the PBX's transport never saw it (not even its in-process filter).
        Assert.Equal(filterDropsBefore, await lab.FilterDropsAsync());

        // After jailtime: released (kernel timeout and the PBX's own state), on parole, answered again.
        await lab.WaitForLogAsync($"Releasing {Attacker} after 6s, on parole", Soon);
        Assert.True(await AutoBanLab.EventuallyAsync(() => lab.JailTimeoutSeconds() < 0, TimeSpan.FromSeconds(10)), lab.ListSet("jail"));
        Assert.Contains(Attacker, lab.ListSet("parole"), StringComparison.Ordinal);
        Assert.True(await lab.OptionsAnsweredAsync(), "the released attacker's OPTIONS was not answered\n" + lab.Pbx.Output);

        // One more offence on parole: jailed at once for jailtime x repeatmult.
        int mark = lab.Pbx.Output.Length;
        await using (var svcrack = lab.StartSvcrack())
        {
            await lab.WaitForLogAsync($"Jailing {Attacker} 1m (", Soon, mark);
            svcrack.Kill();
        }

        Assert.InRange(lab.JailTimeoutSeconds(), 1, 60);
        Assert.True(lab.SecurityEventsFromAttacker() > parsed);

        // Restart: the state file brings the jail back with the time that remained, even into a fresh nft table.
        // Let a few seconds of the 60 s pass first, so "the time that remained" (rounded up to whole seconds in
        // nft) is clearly below the full jail time.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(0, await lab.Pbx.StopAsync());
        var state = await File.ReadAllTextAsync(Path.Combine(lab.Pbx.DataDir, "var", "lib", "asterisk", "autoban.json"));
        Assert.Contains(Attacker, state, StringComparison.Ordinal);
        lab.PbxNamespace.Check("nft", "delete", "table", "inet", "autoban");
        await lab.Pbx.StartAsync();
        int remaining = lab.JailTimeoutSeconds();
        Assert.InRange(remaining, 1, 58);
        Assert.Contains(Attacker, await lab.Pbx.CliAsync("autoban show"), StringComparison.Ordinal);
        Assert.False(await lab.OptionsAnsweredAsync(), "the attacker was answered after the restart");
    }

    [SkippableFact]
    public async Task Whitelisted_address_is_never_jailed()
    {
        var why = AutoBanLab.Unsupported();
        Skip.If(why is not null, why);
        await using var lab = await AutoBanLab.StartAsync(Conf($"whitelist = {Attacker}"));
        await using (var svcrack = lab.StartSvcrack())
        {
            var result = await svcrack.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.False(result.TimedOut, "svcrack did not finish: " + result);
        }

        Assert.True(lab.SecurityEventsFromAttacker() >= 10, lab.Pbx.Output);
        Assert.DoesNotContain("Jailing", lab.Pbx.Output, StringComparison.Ordinal);
        Assert.Equal(-1, lab.JailTimeoutSeconds());
        Assert.Contains(Attacker, lab.ListSet("whitelist"), StringComparison.Ordinal);
        Assert.True(await lab.OptionsAnsweredAsync(), "the whitelisted address was not answered");
    }

    [SkippableFact]
    public async Task Svwar_and_svmap_are_jailed_for_invalid_account_ids()
    {
        var why = AutoBanLab.Unsupported();
        Skip.If(why is not null, why);
        // Five transports (ports P..P+4): svmap sweeps them as scanners sweep ports, one INVITE each.
        await using var lab = await AutoBanLab.StartAsync(Conf(), transports: 5);
        // svwar gives up after two probes when every user gets the same 401 (it cannot enumerate), so, like a
        // scanner, it runs again; the third run at the latest crosses maxcount.
        for (int run = 0; run < 4 && !lab.Pbx.Output.Contains($"Jailing {Attacker}", StringComparison.Ordinal); run++)
        {
            await using var svwar = lab.StartAttack("svwar", AutoBanLab.PbxAddress, "-p", lab.Port(0), "-e", "100-160", "-m", "REGISTER", "--force");
            var result = await svwar.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Contains("Bad user = SIP/2.0 401", result.Combined, StringComparison.Ordinal);
        }

        await lab.WaitForLogAsync($"Jailing {Attacker} 6s", TimeSpan.FromSeconds(5));

        Assert.Contains("SecurityEvent=\"InvalidAccountID\"", lab.Pbx.Output, StringComparison.Ordinal);
        Assert.Equal(6, lab.JailTimeoutSeconds());
        Assert.Contains("Deleted", await lab.Pbx.CliAsync($"autoban del all = {Attacker}"), StringComparison.Ordinal);
        Assert.True(await AutoBanLab.EventuallyAsync(() => lab.JailTimeoutSeconds() < 0, TimeSpan.FromSeconds(5)), lab.ListSet("jail"));

        int mark = lab.Pbx.Output.Length;
        await using (var svmap = lab.StartAttack("svmap", AutoBanLab.PbxAddress, "-p", $"{lab.Port(0)}-{lab.Port(4)}", "-m", "INVITE"))
        {
            await lab.WaitForLogAsync($"Jailing {Attacker} 6s", Soon, mark);
            svmap.Kill();
        }

        Assert.Contains("SecurityEvent=\"InvalidAccountID\"", lab.Pbx.Output[mark..], StringComparison.Ordinal);
        Assert.Equal(6, lab.JailTimeoutSeconds());
        Assert.False(await lab.OptionsAnsweredAsync(), "the jailed scanner's OPTIONS was answered");
    }

    [SkippableFact]
    public async Task Without_CAP_NET_ADMIN_the_in_process_filter_stops_svcrack()
    {
        var why = AutoBanLab.Unsupported();
        Skip.If(why is not null, why);
        await using var lab = await AutoBanLab.StartAsync(Conf(), withoutCapabilities: true);
        Assert.Contains("nftables enforcement unavailable (the process lacks CAP_NET_ADMIN)", lab.Pbx.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("autoban", lab.PbxNamespace.Check("nft", "list", "tables"), StringComparison.Ordinal);

        await using (var svcrack = lab.StartSvcrack())
        {
            await lab.WaitForLogAsync($"Jailing {Attacker} 6s", Soon);
            svcrack.Kill();
        }

        await Task.Delay(300);
        int parsed = lab.SecurityEventsFromAttacker();
        long dropsBefore = await lab.FilterDropsAsync();
        Assert.False(await lab.OptionsAnsweredAsync(), "a jailed attacker's OPTIONS was answered");
        Assert.True(await lab.FilterDropsAsync() > dropsBefore, await lab.Pbx.CliAsync("pjsip show counters"));
        Assert.Equal(parsed, lab.SecurityEventsFromAttacker());
        Assert.Contains(Attacker, await lab.Pbx.CliAsync("autoban show"), StringComparison.Ordinal);

        await lab.WaitForLogAsync($"Releasing {Attacker} after 6s, on parole", Soon);
        Assert.True(await lab.OptionsAnsweredAsync(), "the released attacker's OPTIONS was not answered");
    }
}
