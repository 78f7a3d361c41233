using Switchboard.AutoBan.Configuration;

namespace Switchboard.AutoBan.Tests.Configuration;

public sealed class AutoBanConfigLoaderTests
{
    [Fact]
    public void Missing_file_means_disabled()
    {
        var config = AutoBanConfigLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid(), "autoban.conf"));
        Assert.False(config.Options.Enabled);
    }

    [Fact]
    public void Existing_file_without_enabled_is_enabled_with_reference_defaults()
    {
        var dir = Directory.CreateTempSubdirectory("ab-conf");
        try
        {
            var path = Path.Combine(dir.FullName, "autoban.conf");
            File.WriteAllText(path, "; empty\n");
            var config = AutoBanConfigLoader.Load(path);
            Assert.Empty(config.Diagnostics);
            var o = config.Options;
            Assert.True(o.Enabled);
            Assert.Equal(10, o.MaxCount);
            Assert.Equal(TimeSpan.FromMinutes(20), o.WatchTime);
            Assert.Equal(TimeSpan.FromMinutes(20), o.JailTime);
            Assert.Equal(6, o.RepeatMult);
            Assert.Equal(128, o.Ipv6PrefixLength);
            Assert.True(o.NftEnabled);
            Assert.Equal("autoban", o.NftTable);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Reads_the_reference_sample()
    {
        var config = AutoBanConfigLoader.Parse("""
            [asmanager]
            server     = 127.0.0.1
            port       = 5038
            username   = autoban
            secret     = 6003.438

            [autoban]
            enabled    = true
            maxcount   = 5
            watchtime  = 1d2h3m4s
            jailtime   = 3600
            repeatmult = 2.5

            [nftables]
            cmd    = /usr/sbin/nft
            family = inet
            table  = ab
            """);
        Assert.Empty(config.Diagnostics);
        var o = config.Options;
        Assert.True(o.Enabled);
        Assert.Equal(5, o.MaxCount);
        Assert.Equal(TimeSpan.FromSeconds(93784), o.WatchTime);
        Assert.Equal(TimeSpan.FromHours(1), o.JailTime);
        Assert.Equal(2.5, o.RepeatMult);
        Assert.Equal("/usr/sbin/nft", o.NftCommand);
        Assert.Equal("ab", o.NftTable);
    }

    [Theory]
    [InlineData("no")]
    [InlineData("false")]
    [InlineData("off")]
    [InlineData("0")]
    [InlineData("\"no\"")]
    public void Enabled_false_disables(string value)
        => Assert.False(AutoBanConfigLoader.Parse($"[autoban]\nenabled = {value}\n").Options.Enabled);

    [Fact]
    public void Bad_values_are_reported_with_file_and_line_and_keep_defaults()
    {
        var config = AutoBanConfigLoader.Parse("[autoban]\nmaxcount = ten\nwatchtime = 5x\njailtime = 3s2m\nrepeatmult = 0.5\nbogus = 1\nipv6prefix = 200\n[other]\nx = 1\nnot a line\n", "autoban.conf");
        var o = config.Options;
        Assert.Equal(10, o.MaxCount);
        Assert.Equal(TimeSpan.FromMinutes(20), o.WatchTime);
        Assert.Equal(TimeSpan.FromMinutes(20), o.JailTime);
        Assert.Equal(6, o.RepeatMult);
        Assert.Equal(128, o.Ipv6PrefixLength);
        var where = config.Diagnostics.Select(d => $"{d.File}:{d.Line}").ToArray();
        Assert.Equal(["autoban.conf:2", "autoban.conf:3", "autoban.conf:4", "autoban.conf:5", "autoban.conf:6", "autoban.conf:7", "autoban.conf:9", "autoban.conf:10"], where);
        Assert.Contains(config.Diagnostics, d => d.Line == 3 && d.Message.Contains("watchtime", StringComparison.Ordinal));
    }

    [Fact]
    public void Whitelist_and_blacklist_entries_and_ipv6_prefix()
    {
        var config = AutoBanConfigLoader.Parse("[autoban]\nipv6prefix = 64\nwhitelist = 192.0.2.1, 2001:db8:1:2::5\nwhitelist = 198.51.100.7\nblacklist = 203.0.113.0/24 203.0.113.9\n");
        Assert.Equal(64, config.Options.Ipv6PrefixLength);
        Assert.Equal(["192.0.2.1", "2001:db8:1:2::/64", "198.51.100.7"], config.Options.Whitelist);
        Assert.Equal(["203.0.113.9"], config.Options.Blacklist);
        Assert.Single(config.Diagnostics);
        Assert.Contains("203.0.113.0/24", config.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nftables_can_be_switched_off_and_family_other_than_inet_is_reported()
    {
        var config = AutoBanConfigLoader.Parse("[nftables]\nenabled = no\nfamily = ip\ntable = bad name\n");
        Assert.False(config.Options.NftEnabled);
        Assert.True(config.Options.Enabled);
        Assert.Equal("autoban", config.Options.NftTable);
        Assert.Equal(2, config.Diagnostics.Count);
    }

    [Fact]
    public void The_seed_file_loads_without_problems_and_with_reference_defaults()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Switchboard.slnx")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        var config = AutoBanConfigLoader.Load(Path.Combine(dir.FullName, "config", "seed", "autoban.conf"));
        Assert.Empty(config.Diagnostics);
        Assert.True(config.Options.Enabled);
        Assert.Equal(AutoBanOptions.Default with { Whitelist = config.Options.Whitelist, Blacklist = config.Options.Blacklist }, config.Options);
        Assert.Equal(["127.0.0.1", "::1"], config.Options.Whitelist);
    }
}
