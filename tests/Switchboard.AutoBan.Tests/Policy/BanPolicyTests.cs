using Microsoft.Extensions.Logging;
using Switchboard.AutoBan.Configuration;
using Switchboard.AutoBan.Policy;
using Switchboard.AutoBan.Tests.Support;

namespace Switchboard.AutoBan.Tests.Policy;

public sealed class BanPolicyTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void Watches_below_maxcount_and_jails_at_maxcount()
    {
        using var h = new PolicyHarness();
        for (int i = 1; i < 10; i++)
        {
            Assert.Equal(OffenceOutcome.Watching, h.Offend("203.0.113.7"));
        }

        Assert.False(h.Jailed("203.0.113.7"));
        Assert.True(h.Admitted("203.0.113.7"));
        Assert.Equal(OffenceOutcome.Jailed, h.Offend("203.0.113.7"));
        Assert.True(h.Jailed("203.0.113.7"));
        Assert.True(h.OnParole("203.0.113.7"));
        Assert.False(h.Admitted("203.0.113.7"));
        Assert.Equal(1, h.Filter.DroppedPackets);
    }

    [Fact]
    public void Logs_watching_at_information_and_jailing_as_one_warning()
    {
        using var h = new PolicyHarness(AutoBanOptions.Default with { MaxCount = 3 });
        h.Offend("198.51.100.1", 3);
        Assert.Equal(
            ["Watching 198.51.100.1 1 (watch 1 jail 0)", "Watching 198.51.100.1 2 (watch 1 jail 0)"],
            h.Logger.At(LogLevel.Information).ToArray());
        Assert.Equal(["Jailing 198.51.100.1 20m (watch 1 jail 1)"], h.Logger.At(LogLevel.Warning).ToArray());
    }

    [Fact]
    public void Watch_window_slides_from_the_last_event()
    {
        using var h = new PolicyHarness(AutoBanOptions.Default with { MaxCount = 3, WatchTime = TimeSpan.FromMinutes(10) });
        h.Offend("192.0.2.1");
        h.Advance(TimeSpan.FromMinutes(9));
        h.Offend("192.0.2.1");
        h.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(OffenceOutcome.Jailed, h.Offend("192.0.2.1"));
    }

    [Fact]
    public void Address_is_forgotten_watchtime_after_its_last_event()
    {
        using var h = new PolicyHarness(AutoBanOptions.Default with { MaxCount = 3, WatchTime = TimeSpan.FromMinutes(10) });
        h.Offend("192.0.2.1", 2);
        h.Advance(TimeSpan.FromMinutes(10) + Second);
        Assert.Empty(h.Policy.Members(AutoBanSet.Watch));
        Assert.Empty(h.Policy.Snapshot());
        Assert.Equal(OffenceOutcome.Watching, h.Offend("192.0.2.1"));
        Assert.Equal(1, h.Policy.Snapshot().Single().WatchCount);
    }

    [Fact]
    public void Default_escalation_is_20m_2h_12h_3d_18d()
    {
        var o = AutoBanOptions.Default;
        var sentence = o.JailTime;
        var seen = new List<string> { DurationSyntax.Format(sentence) };
        for (int i = 0; i < 4; i++)
        {
            sentence = Sentencing.RepeatSentence(o, sentence);
            seen.Add(DurationSyntax.Format(sentence));
        }

        Assert.Equal(["20m", "2h", "12h", "3d", "18d"], seen);
    }

    [Fact]
    public void Repeat_offences_on_parole_escalate_by_repeatmult_over_time()
    {
        // Same arithmetic as the defaults (x6), scaled to seconds so the fake clock stays quick.
        var options = AutoBanOptions.Default with { WatchTime = TimeSpan.FromSeconds(20), JailTime = TimeSpan.FromSeconds(20) };
        using var h = new PolicyHarness(options);
        string ip = "203.0.113.9";
        h.Offend(ip, 10);
        var expected = new[] { 20, 120, 720, 4320, 25920 }.Select(s => TimeSpan.FromSeconds(s)).ToArray();
        for (int round = 0; round < expected.Length; round++)
        {
            var view = h.Policy.Snapshot().Single();
            Assert.Equal(expected[round], view.JailSentence);
            Assert.Equal(expected[round], view.JailRemaining);
            Assert.Equal(expected[round] + options.WatchTime, view.ParoleRemaining);
            h.Advance(expected[round] - Second);
            Assert.False(h.Admitted(ip));
            h.Advance(2 * Second);
            Assert.True(h.Admitted(ip));
            Assert.False(h.Jailed(ip));
            Assert.True(h.OnParole(ip));
            if (round + 1 < expected.Length)
            {
                h.Advance(TimeSpan.FromSeconds(5));
                Assert.Equal(OffenceOutcome.Jailed, h.Offend(ip));
            }
        }

        var warnings = h.Logger.At(LogLevel.Warning).ToArray();
        Assert.Equal(10, warnings.Length);
        Assert.Equal("Jailing 203.0.113.9 7h12m (watch 0 jail 1)", warnings[8]);
        Assert.StartsWith("Releasing 203.0.113.9 after 7h12m, on parole for ", warnings[9], StringComparison.Ordinal);
        h.Advance(options.WatchTime);
        Assert.False(h.OnParole(ip));
    }

    [Fact]
    public void Parole_ends_watchtime_after_release_and_then_counting_starts_again()
    {
        using var h = new PolicyHarness(AutoBanOptions.Default with { MaxCount = 2 });
        h.Offend("192.0.2.50", 2);
        h.Advance(TimeSpan.FromMinutes(40) + Second);
        Assert.False(h.OnParole("192.0.2.50"));
        Assert.Empty(h.Policy.Snapshot());
        Assert.Equal(OffenceOutcome.Watching, h.Offend("192.0.2.50"));
        Assert.Equal(OffenceOutcome.Jailed, h.Offend("192.0.2.50"));
        Assert.Equal(TimeSpan.FromMinutes(20), h.Policy.Snapshot().Single().JailSentence);
    }

    [Fact]
    public void Events_while_jailed_change_nothing()
    {
        using var h = new PolicyHarness(AutoBanOptions.Default with { MaxCount = 1 });
        Assert.Equal(OffenceOutcome.Jailed, h.Offend("192.0.2.60"));
        h.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(OffenceOutcome.AlreadyJailed, h.Offend("192.0.2.60", 5));
        var v = h.Policy.Snapshot().Single();
        Assert.Equal(TimeSpan.FromMinutes(10), v.JailRemaining);
        Assert.Equal(TimeSpan.FromMinutes(20), v.JailSentence);
        Assert.Single(h.Logger.At(LogLevel.Warning));
    }

    [Fact]
    public void Sentence_and_parole_are_capped()
    {
        using var h = new PolicyHarness(AutoBanOptions.Default with { RepeatMult = 1000 });
        var a = h.Addr("192.0.2.70");
        h.Policy.Restore(new OffenderView(a, 0, null, null, TimeSpan.FromSeconds(5_000_000), TimeSpan.FromHours(1), TimeSpan.FromSeconds(5_000_000), false, false));
        Assert.Equal(OffenceOutcome.Jailed, h.Offend("192.0.2.70"));
        var last = h.Policy.Snapshot().Single();
        Assert.Equal(TimeSpan.FromSeconds(99_999_999 - 1200), last.JailSentence);
        Assert.Equal(TimeSpan.FromSeconds(99_999_999), last.ParoleRemaining);
        Assert.Contains("Jailing 192.0.2.70 1157d9h26m39s (watch 0 jail 1)", h.Logger.At(LogLevel.Warning));
    }

    [Fact]
    public void Watchtime_used_for_parole_is_capped_at_half_the_maximum()
    {
        var options = AutoBanOptions.Default with { WatchTime = TimeSpan.FromSeconds(90_000_000) };
        var sentence = TimeSpan.FromSeconds(80_000_000);
        var parole = Sentencing.Parole(options, ref sentence);
        Assert.Equal(TimeSpan.FromSeconds(99_999_999), parole);
        Assert.Equal(TimeSpan.FromSeconds(50_000_000), sentence);
    }

    [Fact]
    public void Fractional_repeatmult_rounds_to_seconds()
    {
        using var h = new PolicyHarness(AutoBanOptions.Default with { MaxCount = 1, JailTime = TimeSpan.FromSeconds(10), RepeatMult = 1.55 });
        h.Offend("192.0.2.80");
        h.Advance(TimeSpan.FromSeconds(11));
        h.Offend("192.0.2.80");
        Assert.Equal(TimeSpan.FromSeconds(16), h.Policy.Snapshot().Single().JailSentence);
    }

    [Fact]
    public void Whitelisted_address_is_never_jailed()
    {
        using var h = new PolicyHarness(AutoBanOptions.Default with { MaxCount = 2 });
        h.Policy.Add(AutoBanSet.Whitelist, h.Addr("192.0.2.10"));
        for (int i = 0; i < 50; i++)
        {
            Assert.Equal(OffenceOutcome.Ignored, h.Offend("192.0.2.10"));
        }

        Assert.False(h.Jailed("192.0.2.10"));
        Assert.True(h.Admitted("192.0.2.10"));
        Assert.Empty(h.Policy.Members(AutoBanSet.Watch));
    }

    [Fact]
    public void Whitelist_overrides_blacklist_and_jail_like_the_nft_chain()
    {
        using var h = new PolicyHarness();
        var a = h.Addr("192.0.2.11");
        h.Policy.Add(AutoBanSet.Jail, a);
        h.Policy.Add(AutoBanSet.Blacklist, a);
        Assert.False(h.Admitted("192.0.2.11"));
        h.Policy.Add(AutoBanSet.Whitelist, a);
        Assert.True(h.Admitted("192.0.2.11"));
        h.Policy.Remove(AutoBanSet.Whitelist, a);
        Assert.False(h.Admitted("192.0.2.11"));
    }

    [Fact]
    public void Blacklisted_address_is_always_dropped_and_its_events_ignored()
    {
        using var h = new PolicyHarness(AutoBanOptions.Default with { MaxCount = 1 });
        h.Policy.Add(AutoBanSet.Blacklist, h.Addr("192.0.2.12"));
        Assert.False(h.Admitted("192.0.2.12"));
        Assert.Equal(OffenceOutcome.Ignored, h.Offend("192.0.2.12"));
        h.Advance(TimeSpan.FromDays(400));
        Assert.False(h.Admitted("192.0.2.12"));
        Assert.Equal(["Blacklisting 192.0.2.12"], h.Logger.At(LogLevel.Warning).ToArray());
    }

    [Fact]
    public void Ipv6_is_tracked_by_address()
    {
        using var h = new PolicyHarness(AutoBanOptions.Default with { MaxCount = 2 });
        h.Offend("2001:db8::1", 2);
        h.Offend("2001:db8::2");
        Assert.True(h.Jailed("2001:db8::1"));
        Assert.False(h.Jailed("2001:db8::2"));
        Assert.False(h.Admitted("2001:db8::1"));
        Assert.True(h.Admitted("2001:db8::2"));
        Assert.True(h.Admitted("192.0.2.1"));
    }

    [Fact]
    public void Ipv6_aggregation_jails_the_whole_network()
    {
        using var h = new PolicyHarness(AutoBanOptions.Default with { MaxCount = 2, Ipv6PrefixLength = 64 });
        h.Offend("2001:db8:1:2::1");
        h.Offend("2001:db8:1:2:ffff::9");
        Assert.Equal(["2001:db8:1:2::/64"], h.Policy.Members(AutoBanSet.Jail).Select(a => a.ToString()).ToArray());
        Assert.False(h.Filter.Admit(System.Net.IPAddress.Parse("2001:db8:1:2:abcd::77").GetAddressBytes()));
        Assert.True(h.Filter.Admit(System.Net.IPAddress.Parse("2001:db8:1:3::1").GetAddressBytes()));
    }

    [Fact]
    public void Observer_sees_jail_and_parole_with_timeouts_and_expiry_as_expired()
    {
        using var h = new PolicyHarness(AutoBanOptions.Default with { MaxCount = 1 });
        h.Offend("192.0.2.90");
        var added = h.Observer.Changes.Where(c => c.Kind == SetChangeKind.Added).Select(c => (c.Set, c.Timeout)).ToArray();
        Assert.Equal([(AutoBanSet.Jail, TimeSpan.FromMinutes(20)), (AutoBanSet.Parole, TimeSpan.FromMinutes(40))], added);
        h.Observer.Changes.Clear();
        h.Advance(TimeSpan.FromMinutes(41));
        Assert.All(h.Observer.Changes, c => Assert.True(c.Kind == SetChangeKind.Removed && c.Expired));
        Assert.Equal([AutoBanSet.Jail, AutoBanSet.Parole], h.Observer.Changes.Select(c => c.Set).ToArray());
    }

    [Fact]
    public void Expiry_runs_on_the_wheel_without_any_other_call()
    {
        using var h = new PolicyHarness(AutoBanOptions.Default with { MaxCount = 1, JailTime = TimeSpan.FromSeconds(30) });
        h.Offend("192.0.2.91");
        Assert.Equal(1, h.Filter.BlockedCount);
        h.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(0, h.Filter.BlockedCount);
        h.Advance(TimeSpan.FromMinutes(21));
        Assert.Equal(0, h.Wheel.Count);
    }

    [Fact]
    public void Cli_style_add_and_remove_of_timed_sets_use_configured_times()
    {
        using var h = new PolicyHarness();
        var a = h.Addr("192.0.2.100");
        h.Policy.Add(AutoBanSet.Watch, a);
        h.Policy.Add(AutoBanSet.Jail, a);
        h.Policy.Add(AutoBanSet.Parole, a);
        var v = h.Policy.Snapshot().Single();
        Assert.Equal(TimeSpan.FromMinutes(20), v.WatchRemaining);
        Assert.Equal(TimeSpan.FromMinutes(20), v.JailRemaining);
        Assert.Equal(TimeSpan.FromMinutes(40), v.ParoleRemaining);
        Assert.True(h.Policy.Remove(AutoBanSet.Jail, a));
        Assert.False(h.Policy.Remove(AutoBanSet.Jail, a));
        Assert.True(h.Admitted("192.0.2.100"));
        Assert.Contains("Releasing 192.0.2.100 by CLI (watch 1 jail 0)", h.Logger.At(LogLevel.Warning));
    }

    [Fact]
    public void Flush_empties_one_set_only()
    {
        using var h = new PolicyHarness(AutoBanOptions.Default with { MaxCount = 1 });
        h.Offend("192.0.2.1");
        h.Offend("192.0.2.2");
        Assert.Equal(2, h.Policy.Flush(AutoBanSet.Jail));
        Assert.Empty(h.Policy.Members(AutoBanSet.Jail));
        Assert.Equal(2, h.Policy.Members(AutoBanSet.Parole).Count);
        Assert.Equal(0, h.Filter.BlockedCount);
        Assert.Contains(h.Observer.Changes, c => c.Kind == SetChangeKind.Flushed && c.Set == AutoBanSet.Jail);
    }

    [Fact]
    public void Counts_and_members_are_sorted_numerically_ipv4_first()
    {
        using var h = new PolicyHarness();
        foreach (var ip in new[] { "2001:db8::1", "10.0.0.10", "10.0.0.9", "9.255.255.255" })
        {
            h.Policy.Add(AutoBanSet.Blacklist, h.Addr(ip));
        }

        Assert.Equal(["9.255.255.255", "10.0.0.9", "10.0.0.10", "2001:db8::1"], h.Policy.Members(AutoBanSet.Blacklist).Select(a => a.ToString()).ToArray());
    }
}
