using System.Net;
using Switchboard.Core.Events;
using Switchboard.Core.Pjsip.Location;
using Switchboard.Manager.Seams;

namespace Switchboard.Manager.Tests.Sessions;

public sealed class AmiActionTests
{
    [Fact]
    public async Task Ping_and_unknown_and_missing_action()
    {
        await using var h = await new AmiHarness().StartAsync();
        await using var c = await h.LoginAsync();
        var ping = await c.ActionAsync("Ping");
        Assert.Equal("Pong", ping["Ping"]);
        Assert.Matches(@"^\d+\.\d{6}$", ping["Timestamp"]!);
        var unknown = await c.ActionAsync("Frobnicate");
        Assert.Equal("Error", unknown["Response"]);
        Assert.StartsWith("Invalid/unknown command", unknown["Message"]);
        await c.SendRawAsync("Garbage without colon\r\nActionID: g1\r\n\r\n");
        var missing = await c.WaitForAsync(m => m["ActionID"] == "g1");
        Assert.Equal("Missing action in request", missing["Message"]);
    }

    [Fact]
    public async Task Command_runs_cli_lines_as_output_headers()
    {
        await using var h = await new AmiHarness().StartAsync();
        await using var c = await h.LoginAsync();
        var r = await c.ActionAsync("Command", ("Command", "pjsip show endpoints"));
        Assert.Equal("Success", r["Response"]);
        Assert.Equal("Command output follows", r["Message"]);
        Assert.Contains(r.All("Output"), l => l.Contains("alice", StringComparison.Ordinal));
        var bad = await c.ActionAsync("Command", ("Command", "no such thing"));
        Assert.Equal("Error", bad["Response"]);
        Assert.Contains(bad.All("Output"), l => l.StartsWith("No such command", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Write_permissions_are_checked()
    {
        await using var h = await new AmiHarness().StartAsync();
        await using var c = await h.LoginAsync("reader", "readonly");
        var r = await c.ActionAsync("Command", ("Command", "pjsip show endpoints"));
        Assert.Equal("Permission denied", r["Message"]);
        Assert.Equal("Success", (await c.ActionAsync("CoreStatus"))["Response"]);
        var list = await c.ActionAsync("ListCommands");
        Assert.True(list.Has("CoreStatus"));
        Assert.False(list.Has("Command"));
    }

    [Fact]
    public async Task Database_actions()
    {
        await using var h = await new AmiHarness().StartAsync();
        await using var c = await h.LoginAsync();
        Assert.Equal("Updated database successfully", (await c.ActionAsync("DBPut", ("Family", "fam"), ("Key", "k1"), ("Val", "v1")))["Message"]);
        var get = await c.ActionAsync("DBGet", ("Family", "fam"), ("Key", "k1"));
        Assert.Equal("start", get["EventList"]);
        var item = await c.WaitForAsync(m => m["Event"] == "DBGetResponse");
        Assert.Equal("v1", item["Val"]);
        var done = await c.WaitForAsync(m => m["Event"] == "DBGetComplete");
        Assert.Equal("Complete", done["EventList"]);
        Assert.Equal("1", done["ListItems"]);
        Assert.Equal("Key deleted successfully", (await c.ActionAsync("DBDel", ("Family", "fam"), ("Key", "k1")))["Message"]);
        Assert.Equal("Database entry not found", (await c.ActionAsync("DBGet", ("Family", "fam"), ("Key", "k1")))["Message"]);
        await c.ActionAsync("DBPut", ("Family", "tree"), ("Key", "a"), ("Val", "1"));
        Assert.Equal("Key tree deleted successfully", (await c.ActionAsync("DBDelTree", ("Family", "tree")))["Message"]);
        Assert.Null(h.Database.Get("tree", "a"));
    }

    [Fact]
    public async Task Getvar_setvar_globals_and_channel_seam()
    {
        await using var h = await new AmiHarness().StartAsync();
        await using var c = await h.LoginAsync();
        Assert.Equal("Variable Set", (await c.ActionAsync("Setvar", ("Variable", "G1"), ("Value", "hello")))["Message"]);
        Assert.Equal("hello", (await c.ActionAsync("Getvar", ("Variable", "G1")))["Value"]);
        Assert.Equal("No such channel", (await c.ActionAsync("Getvar", ("Variable", "X"), ("Channel", "PJSIP/alice-0001")))["Message"]);
        Assert.Equal("Originate is not available", (await c.ActionAsync("Originate", ("Channel", "PJSIP/alice"), ("Exten", "100")))["Message"]);
        Assert.Equal("MessageSend is not available", (await c.ActionAsync("MessageSend", ("To", "pjsip:alice"), ("Body", "hi")))["Message"]);
        Assert.Equal("Error", (await c.ActionAsync("Hangup", ("Channel", "PJSIP/alice-0001")))["Response"]);
    }

    [Fact]
    public async Task Core_show_channels_uses_the_call_seam()
    {
        await using var h = await new AmiHarness().StartAsync();
        h.Service.CallControl = new OneChannel();
        await using var c = await h.LoginAsync();
        var r = await c.ActionAsync("CoreShowChannels");
        Assert.Equal("start", r["EventList"]);
        var ch = await c.WaitForAsync(m => m["Event"] == "CoreShowChannel");
        Assert.Equal("PJSIP/alice-00000001", ch["Channel"]);
        var done = await c.WaitForAsync(m => m["Event"] == "CoreShowChannelsComplete");
        Assert.Equal("1", done["ListItems"]);
        var settings = await c.ActionAsync("CoreSettings");
        Assert.Equal("7.0.3", settings["AMIversion"]);
    }

    [Fact]
    public async Task Pjsip_lists_endpoints_and_contacts()
    {
        await using var h = await new AmiHarness().StartAsync();
        var contact = new ContactBinding
        {
            Aor = "alice", Uri = "sip:alice@127.0.0.1:5099", RegisteredUri = "sip:alice@127.0.0.1:5099", Endpoint = "alice",
            ExpiresAt = DateTimeOffset.UtcNow.AddHours(1), CallId = "cid-1", CSeq = 1, TransportName = "transport-udp", Protocol = "UDP",
            Source = new IPEndPoint(IPAddress.Loopback, 5099), UserAgent = "test-ua",
        };
        h.Pjsip.Location.Update<int>("alice", _ => ([contact], 0));
        await using var c = await h.LoginAsync();
        await c.ActionAsync("PJSIPShowEndpoints");
        var ep = await c.WaitForAsync(m => m["Event"] == "EndpointList");
        Assert.Equal("alice", ep["ObjectName"]);
        Assert.Contains("sip:alice@127.0.0.1:5099", ep["Contacts"]);
        await c.WaitForAsync(m => m["Event"] == "EndpointListComplete");
        await c.ActionAsync("PJSIPShowContacts");
        var ct = await c.WaitForAsync(m => m["Event"] == "ContactList");
        Assert.Equal("sip:alice@127.0.0.1:5099", ct["Uri"]);
        Assert.Equal("test-ua", ct["UserAgent"]);
        await c.WaitForAsync(m => m["Event"] == "ContactListComplete");
        var detail = await c.ActionAsync("PJSIPShowEndpoint", ("Endpoint", "alice"));
        Assert.Equal("start", detail["EventList"]);
        var done = await c.WaitForAsync(m => m["Event"] == "EndpointDetailComplete");
        Assert.Equal("4", done["ListItems"]);
        Assert.Equal("Unable to retrieve endpoint bob", (await c.ActionAsync("PJSIPShowEndpoint", ("Endpoint", "bob")))["Message"]);
        await c.ActionAsync("PJSIPShowRegistrationsInbound");
        Assert.Equal("alice", (await c.WaitForAsync(m => m["Event"] == "InboundRegistrationDetail"))["ObjectName"]);
        await c.ActionAsync("PJSIPShowRegistrationsOutbound");
        Assert.Equal("0", (await c.WaitForAsync(m => m["Event"] == "OutboundRegistrationDetailComplete"))["ListItems"]);
    }

    [Fact]
    public async Task Cli_shows_connected_and_users()
    {
        await using var h = await new AmiHarness().StartAsync();
        await using var c = await h.LoginAsync();
        using var o = new StringWriter();
        await h.Cli.ExecuteAsync("manager show connected", o, default);
        Assert.Contains("admin", o.ToString());
        Assert.Contains("1 users connected.", o.ToString());
        using var u = new StringWriter();
        await h.Cli.ExecuteAsync("manager show users", u, default);
        Assert.Contains("3 manager users configured.", u.ToString());
        Assert.DoesNotContain("s3cret", u.ToString());
    }

    private sealed class OneChannel : IAmiCallControl
    {
        public IReadOnlyList<AmiChannelInfo> Channels { get; } = [new("PJSIP/alice-00000001", "1700000000.1", [new("ChannelState", "6"), new("ChannelStateDesc", "Up")])];

        public ValueTask<AmiSeamResult> OriginateAsync(IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<AmiSeamResult> HangupAsync(string channel, int? cause, CancellationToken cancellationToken) => throw new NotSupportedException();

        public AmiSeamResult GetVariable(string channel, string name) => throw new NotSupportedException();

        public AmiSeamResult SetVariable(string channel, string name, string value) => throw new NotSupportedException();
    }
}
