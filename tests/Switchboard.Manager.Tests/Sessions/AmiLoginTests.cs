using Switchboard.Core.Events;
using Switchboard.Manager.Sessions;

namespace Switchboard.Manager.Tests.Sessions;

public sealed class AmiLoginTests
{
    [Fact]
    public async Task Banner_plain_login_and_fully_booted()
    {
        await using var h = await new AmiHarness().StartAsync();
        await using var c = await h.ConnectAsync();
        Assert.Equal("Asterisk Call Manager/7.0.3", c.Banner);
        var r = await c.ActionAsync("Login", ("Username", "admin"), ("Secret", "s3cret"));
        Assert.Equal("Authentication accepted", r["Message"]);
        var booted = await c.WaitForAsync(m => m["Event"] == "FullyBooted");
        Assert.Equal("system,all", booted["Privilege"]);
        Assert.Equal("Fully Booted", booted["Status"]);
        Assert.Contains(h.SecuritySnapshot(), e => e.Type == SecurityEventType.SuccessfulAuth && e.Service == "AMI");
    }

    [Fact]
    public async Task Md5_login_through_challenge()
    {
        await using var h = await new AmiHarness().StartAsync();
        await using var c = await h.ConnectAsync();
        var ch = await c.ActionAsync("Challenge", ("AuthType", "MD5"));
        var challenge = ch["Challenge"]!;
        Assert.NotEmpty(challenge);
        var r = await c.ActionAsync("Login", ("AuthType", "MD5"), ("Username", "admin"), ("Key", AmiAuthenticator.Md5Hex(challenge + "s3cret")));
        Assert.Equal("Success", r["Response"]);
    }

    [Fact]
    public async Task Wrong_md5_key_is_challenge_response_failed()
    {
        await using var h = await new AmiHarness().StartAsync();
        await using var c = await h.ConnectAsync();
        var ch = await c.ActionAsync("Challenge", ("AuthType", "md5"));
        var r = await c.ActionAsync("Login", ("AuthType", "MD5"), ("Username", "admin"), ("Key", AmiAuthenticator.Md5Hex(ch["Challenge"] + "wrong")));
        Assert.Equal("Error", r["Response"]);
        Assert.True(await c.IsClosedByServerAsync(TimeSpan.FromSeconds(5)));
        var e = Assert.Single(h.SecuritySnapshot(), e => e.Type == SecurityEventType.ChallengeResponseFailed);
        Assert.Equal("admin", e.AccountId);
        Assert.Contains(e.Fields, f => f.Key == "Challenge" && f.Value == ch["Challenge"]);
    }

    [Fact]
    public async Task Wrong_secret_is_refused_closed_and_reported()
    {
        await using var h = await new AmiHarness().StartAsync();
        await using var c = await h.ConnectAsync();
        var r = await c.ActionAsync("Login", ("Username", "admin"), ("Secret", "nope"));
        Assert.Equal("Error", r["Response"]);
        Assert.Equal("Authentication failed", r["Message"]);
        Assert.True(await c.IsClosedByServerAsync(TimeSpan.FromSeconds(5)));
        var e = Assert.Single(h.SecuritySnapshot(), e => e.Type == SecurityEventType.InvalidPassword);
        Assert.Equal("AMI", e.Service);
        Assert.Equal("IPV4/TCP/127.0.0.1/" + h.EndPoint.Port, e.LocalAddress.ToString());
        Assert.StartsWith("IPV4/TCP/127.0.0.1/", e.RemoteAddress.ToString());
        Assert.True(e.IsFailure);
    }

    [Fact]
    public async Task Unknown_user_is_invalid_account_id()
    {
        await using var h = await new AmiHarness().StartAsync();
        await using var c = await h.ConnectAsync();
        var r = await c.ActionAsync("Login", ("Username", "mallory"), ("Secret", "x"));
        Assert.Equal("Error", r["Response"]);
        Assert.Contains(h.SecuritySnapshot(), e => e.Type == SecurityEventType.InvalidAccountID && e.AccountId == "mallory");
    }

    [Fact]
    public async Task Acl_refusal_is_failed_acl()
    {
        await using var h = await new AmiHarness().StartAsync();
        await using var c = await h.ConnectAsync();
        var r = await c.ActionAsync("Login", ("Username", "blocked"), ("Secret", "blocked"));
        Assert.Equal("Error", r["Response"]);
        Assert.Contains(h.SecuritySnapshot(), e => e.Type == SecurityEventType.FailedACL && e.AccountId == "blocked");
    }

    [Fact]
    public async Task Actions_before_login_are_denied_and_logoff_says_goodbye()
    {
        await using var h = await new AmiHarness().StartAsync();
        await using var c = await h.ConnectAsync();
        var r = await c.ActionAsync("Command", ("Command", "pjsip show endpoints"));
        Assert.Equal("Error", r["Response"]);
        Assert.Equal("Permission denied", r["Message"]);
        var bye = await c.ActionAsync("Logoff");
        Assert.Equal("Goodbye", bye["Response"]);
        Assert.True(await c.IsClosedByServerAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Unauthenticated_connection_times_out()
    {
        await using var h = await new AmiHarness(AmiHarness.DefaultConfig.Replace("bindaddr = 127.0.0.1", "bindaddr = 127.0.0.1\nauthtimeout = 1")).StartAsync();
        await using var c = await h.ConnectAsync();
        await c.SendRawAsync("Action: Ping\r\nActionID: half");
        Assert.True(await c.IsClosedByServerAsync(TimeSpan.FromSeconds(8)));
        await using var good = await h.LoginAsync();
        Assert.Equal("Success", (await good.ActionAsync("Ping"))["Response"]);
    }

    [Fact]
    public async Task Auth_limit_refuses_extra_unauthenticated_connections()
    {
        await using var h = await new AmiHarness(AmiHarness.DefaultConfig.Replace("bindaddr = 127.0.0.1", "bindaddr = 127.0.0.1\nauthlimit = 2")).StartAsync();
        await using var a = await h.ConnectAsync();
        await using var b = await h.ConnectAsync();
        var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(h.EndPoint);
        var buffer = new byte[64];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        int n = await tcp.GetStream().ReadAsync(buffer, cts.Token);
        Assert.Equal(0, n);
        tcp.Dispose();
    }
}
