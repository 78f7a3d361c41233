using System.Net;
using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;
using Switchboard.Manager.Config;

namespace Switchboard.Manager.Tests.Config;

public sealed class ManagerConfigLoaderTests
{
    private static (ManagerConfig Config, DiagnosticBag Diags) Load(string text)
    {
        var diags = new DiagnosticBag();
        var doc = ConfParser.ParseText("manager.conf", text, diags);
        return (ManagerConfigLoader.Load(doc, diags), diags);
    }

    [Fact]
    public void Reads_general_and_users()
    {
        var (c, d) = Load("""
            [general]
            enabled = yes
            port = 5039
            bindaddr = 127.0.0.1
            displayconnects = no
            timestampevents = yes
            webenabled = yes

            [mark]
            secret = pw
            deny = 0.0.0.0/0.0.0.0
            permit = 192.168.1.0/24
            read = system,call,security
            write = command,originate
            """);
        Assert.Empty(d.Items);
        Assert.True(c.Enabled);
        Assert.Equal(5039, c.Port);
        Assert.Equal(IPAddress.Loopback, c.BindAddress);
        Assert.False(c.DisplayConnects);
        Assert.True(c.TimestampEvents);
        var u = c.FindUser("MARK")!;
        Assert.Equal("pw", u.Secret);
        Assert.Equal(AmiClass.System | AmiClass.Call | AmiClass.Security, u.Read);
        Assert.Equal(AmiClass.Command | AmiClass.Originate, u.Write);
        Assert.True(u.Acl.Allows(IPAddress.Parse("192.168.1.77")));
        Assert.False(u.Acl.Allows(IPAddress.Parse("192.168.2.1")));
    }

    [Fact]
    public void Missing_document_means_disabled()
    {
        var c = ManagerConfigLoader.Load(null, new DiagnosticBag());
        Assert.False(c.Enabled);
    }

    [Fact]
    public void Bad_lines_are_reported_with_file_and_line()
    {
        var (c, d) = Load("""
            [general]
            enabled = maybe
            port = 99999
            bindaddr = not-an-ip
            frobnicate = 1

            [nosecret]
            read = all

            [u]
            secret = x
            permit = 10.0.0.0/40
            read = system,bogus
            """);
        Assert.Contains(d.Items, x => x.IsError && x.Line == 2 && x.Message.Contains("enabled"));
        Assert.Contains(d.Items, x => x.IsError && x.Line == 3);
        Assert.Contains(d.Items, x => x.IsError && x.Line == 4);
        Assert.Contains(d.Items, x => !x.IsError && x.Line == 5 && x.Message.Contains("frobnicate"));
        Assert.Contains(d.Items, x => x.IsError && x.Line == 7 && x.Message.Contains("no secret"));
        Assert.Contains(d.Items, x => x.IsError && x.Line == 12);
        Assert.Contains(d.Items, x => !x.IsError && x.Line == 13 && x.Message.Contains("bogus"));
        Assert.All(d.Items, x => Assert.Equal("manager.conf", x.File));
        Assert.Null(c.FindUser("nosecret"));
        Assert.Equal(AmiClass.System, c.FindUser("u")!.Read);
    }

    [Theory]
    [InlineData("10.1.2.3", "10.0.0.0/8", true)]
    [InlineData("10.1.2.3", "10.0.0.0/255.0.0.0", true)]
    [InlineData("11.1.2.3", "10.0.0.0/8", false)]
    [InlineData("::1", "::1/128", true)]
    [InlineData("::ffff:10.0.0.1", "10.0.0.0/8", true)]
    [InlineData("10.0.0.1", "::/0", false)]
    public void Acl_rules_match_ranges(string address, string rule, bool matches)
    {
        Assert.True(AclRule.TryParse(true, rule, out var r, out _));
        Assert.Equal(matches, r!.Matches(IPAddress.Parse(address)));
    }

    [Fact]
    public void Acl_last_matching_rule_wins()
    {
        AclRule.TryParse(false, "0.0.0.0/0", out var deny, out _);
        AclRule.TryParse(true, "127.0.0.1", out var permit, out _);
        var acl = new ManagerAcl([deny!, permit!]);
        Assert.True(acl.Allows(IPAddress.Loopback));
        Assert.False(acl.Allows(IPAddress.Parse("8.8.8.8")));
        Assert.True(ManagerAcl.AllowAll.Allows(IPAddress.Parse("8.8.8.8")));
    }

    [Theory]
    [InlineData("1.2.3.4/255.0.255.0")]
    [InlineData("nonsense")]
    [InlineData("1.2.3.4/33")]
    public void Bad_acl_values_are_refused(string text) => Assert.False(AclRule.TryParse(true, text, out _, out _));

    [Fact]
    public void Class_lists_parse_and_format()
    {
        var unknown = new List<string>();
        Assert.Equal(AmiClass.All, AmiClasses.Parse("all"));
        Assert.Equal(AmiClass.None, AmiClasses.Parse("none"));
        Assert.Equal(AmiClass.Call | AmiClass.Message, AmiClasses.Parse("call, MESSAGE ,nope", unknown));
        Assert.Equal(["nope"], unknown);
        Assert.Equal("security,all", AmiClasses.Privilege(AmiClass.Security));
        Assert.Equal("system,call", AmiClasses.Format(AmiClass.System | AmiClass.Call));
    }

    [Fact]
    public void Shipped_seed_manager_conf_loads_clean()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Switchboard.slnx")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        Assert.NotNull(dir);
        var (c, d) = Load(File.ReadAllText(Path.Combine(dir!, "config", "seed", "manager.conf")));
        Assert.Empty(d.Items);
        Assert.True(c.Enabled);
        Assert.Equal(IPAddress.Loopback, c.BindAddress);
        Assert.Empty(c.Users);
    }
}
