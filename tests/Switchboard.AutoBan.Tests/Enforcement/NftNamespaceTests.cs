using System.Text.RegularExpressions;
using Switchboard.AutoBan.Configuration;
using Switchboard.AutoBan.Enforcement;
using Switchboard.AutoBan.Tests.Support;
using Switchboard.Common.Nft;
using Switchboard.Core.Events;
using Switchboard.TestKit.Netns;

namespace Switchboard.AutoBan.Tests.Enforcement;

/// <summary>Real nftables inside network namespaces created by the test (root and nft needed; skipped otherwise).</summary>
public sealed class NftNamespaceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static async Task<string> Cli(AutoBanService service, string args)
    {
        var sw = new StringWriter();
        await service.CliCommand.ExecuteAsync(args.Split(' '), sw, CancellationToken.None);
        return sw.ToString();
    }

    private static string ListSet(NetworkNamespace ns, string set) => ns.Check("nft", "list", "set", "inet", "autoban", set);

    [RootNftFact]
    public async Task Table_sets_elements_and_timeouts_are_real()
    {
        using var ns = NetworkNamespace.Create("ab-test");
        var runner = NftProcessRunner.InNamespace(ns.Name);
        var options = AutoBanOptions.Default with { MaxCount = 2 };
        var h = new ServiceHarness(_dir, options, runner);
        await h.Service.StartAsync();
        Assert.True(h.Service.NftActive, h.Service.NftUnavailableReason);
        h.Offend("192.0.2.1", 2);
        h.Offend("2001:db8::1", 2);
        h.Offend("192.0.2.2");
        await Cli(h.Service, "add blacklist = 198.51.100.1 2001:db8::bad");
        await Cli(h.Service, "add whitelist = 198.51.100.2");
        await h.Service.FlushNftAsync();

        var table = ns.Check("nft", "list", "table", "inet", "autoban");
        Assert.Contains("type filter hook input priority security; policy accept;", table, StringComparison.Ordinal);
        Assert.Matches(@"elements = \{ 192\.0\.2\.1 timeout 20m expires 1\dm", ListSet(ns, "jail"));
        Assert.Matches(@"elements = \{ 2001:db8::1 timeout 20m expires", ListSet(ns, "jail6"));
        Assert.Matches(@"192\.0\.2\.1 timeout 40m expires", ListSet(ns, "parole"));
        Assert.Matches(@"192\.0\.2\.2 timeout 20m expires", ListSet(ns, "watch"));
        Assert.Contains("198.51.100.1", ListSet(ns, "blacklist"), StringComparison.Ordinal);
        Assert.Contains("2001:db8::bad", ListSet(ns, "blacklist6"), StringComparison.Ordinal);
        Assert.Contains("198.51.100.2", ListSet(ns, "whitelist"), StringComparison.Ordinal);

        // A CLI release removes the element; removing one nft already dropped (expired) is not an error.
        await Cli(h.Service, "del jail = 192.0.2.1");
        ns.Check("nft", "delete", "element", "inet", "autoban", "parole", "{ 192.0.2.1 }");
        await Cli(h.Service, "del parole = 192.0.2.1");
        await h.Service.FlushNftAsync();
        Assert.DoesNotContain("192.0.2.1", ListSet(ns, "jail"), StringComparison.Ordinal);
        Assert.DoesNotContain("192.0.2.1", ListSet(ns, "parole"), StringComparison.Ordinal);
        Assert.Equal(0, h.Service.Nft!.Failures);

        // Restart after 5 minutes: the table is rebuilt with the remaining times.
        await h.Service.StopAsync();
        h.Time.Advance(TimeSpan.FromMinutes(5));
        await using var h2 = h.Restart(runner);
        await h2.Service.StartAsync();
        Assert.Matches(@"2001:db8::1 timeout 15m expires", ListSet(ns, "jail6"));
        Assert.Contains("198.51.100.1", ListSet(ns, "blacklist"), StringComparison.Ordinal);

        await Cli(h2.Service, "del all = all");
        await h2.Service.FlushNftAsync();
        foreach (var set in new[] { "watch", "jail", "parole", "blacklist", "whitelist", "jail6", "blacklist6" })
        {
            Assert.DoesNotContain("elements", ListSet(ns, set), StringComparison.Ordinal);
        }

        Assert.Equal(0, h2.Service.Nft!.Failures);
    }

    [RootNftFact]
    public async Task A_bad_unit_in_a_batch_costs_only_itself()
    {
        using var ns = NetworkNamespace.Create("ab-test");
        var logger = new CapturingLogger();
        var enforcer = new NftEnforcer(NftProcessRunner.InNamespace(ns.Name), new NftScript("autoban", 128), logger);
        var (ok, error) = await enforcer.CreateTableAsync([], CancellationToken.None);
        Assert.True(ok, error);
        enforcer.Enqueue(
        [
            "add element inet autoban jail { 192.0.2.10 timeout 60s }\n",
            "add element inet autoban nosuchset { 192.0.2.11 }\n",
            "add element inet autoban jail { 192.0.2.12 timeout 60s }\n",
        ]);
        enforcer.Start();
        await enforcer.FlushAsync();
        await enforcer.StopAsync();
        var jail = ListSet(ns, "jail");
        Assert.Contains("192.0.2.10", jail, StringComparison.Ordinal);
        Assert.Contains("192.0.2.12", jail, StringComparison.Ordinal);
        Assert.Equal(1, enforcer.Failures);
        Assert.Contains("nosuchset", Assert.Single(logger.Lines).Message, StringComparison.Ordinal);
    }

    [RootNftFact]
    public async Task Jailed_attacker_datagrams_are_dropped_by_nftables_until_release()
    {
        using var pair = NamespacePair.Create("ab-atk", "ab-pbx");
        var attacker = pair.Left;
        var pbx = pair.Right;
        int port = Random.Shared.Next(20000, 60000);
        var options = AutoBanOptions.Default with { MaxCount = 2, JailTime = TimeSpan.FromSeconds(3), WatchTime = TimeSpan.FromSeconds(60) };
        await using var service = new AutoBanService(options, new EventBus(), TimeProvider.System, new CapturingLogger(),
            Path.Combine(_dir.Path, "autoban.json"), NftProcessRunner.InNamespace(pbx.Name));
        await service.StartAsync();
        Assert.True(service.NftActive, service.NftUnavailableReason);
        using var listener = new UdpListenerProcess(pbx, port, TimeSpan.FromSeconds(30));

        UdpListenerProcess.Send(attacker, NamespacePair.RightV4, port, "v4-before");
        UdpListenerProcess.Send(attacker, NamespacePair.RightV6, port, "v6-before");
        Assert.True(listener.WaitFor("v4-before", TimeSpan.FromSeconds(5)));
        Assert.True(listener.WaitFor("v6-before", TimeSpan.FromSeconds(5)));

        for (int i = 0; i < 2; i++)
        {
            service.OnSecurityEvent(Events.Security(SecurityEventType.InvalidPassword, NamespacePair.LeftV4));
            service.OnSecurityEvent(Events.Security(SecurityEventType.ChallengeResponseFailed, NamespacePair.LeftV6));
        }

        await service.FlushNftAsync();
        Assert.Contains(NamespacePair.LeftV4, ListSet(pbx, "jail"), StringComparison.Ordinal);
        UdpListenerProcess.Send(attacker, NamespacePair.RightV4, port, "v4-jailed");
        UdpListenerProcess.Send(attacker, NamespacePair.RightV6, port, "v6-jailed");
        // The drops show in the rule counters (polled: the datagrams cross the veth asynchronously).
        var dropped = new Regex(@"ip saddr @jail counter packets 1 [\s\S]*ip6 saddr @jail6 counter packets [1-9]");
        string chain = "";
        for (int i = 0; i < 50 && !dropped.IsMatch(chain); i++)
        {
            chain = pbx.Check("nft", "list", "chain", "inet", "autoban", "incoming");
            if (!dropped.IsMatch(chain))
            {
                await Task.Delay(100);
            }
        }

        Assert.Matches(dropped, chain);

        // nftables lets the timeout run out on its own (about 3 s); the in-process filter follows on its wheel.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (ListSet(pbx, "jail").Contains("elements", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        UdpListenerProcess.Send(attacker, NamespacePair.RightV4, port, "v4-after");
        Assert.True(listener.WaitFor("v4-after", TimeSpan.FromSeconds(5)));
        Assert.DoesNotContain("v4-jailed", listener.Received);
        Assert.DoesNotContain("v6-jailed", listener.Received);
        Assert.Contains(NamespacePair.LeftV4, ListSet(pbx, "parole"), StringComparison.Ordinal);
    }
}
