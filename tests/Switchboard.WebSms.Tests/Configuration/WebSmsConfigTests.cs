using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;
using Switchboard.WebSms.Configuration;

namespace Switchboard.WebSms.Tests.Configuration;

public sealed class WebSmsConfigTests
{
    internal static WebSmsConfig Parse(string text)
    {
        var diagnostics = new DiagnosticBag();
        var doc = ConfParser.ParseText("websms.conf", text, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        return WebSmsConfig.From(doc);
    }

    [Fact]
    public void Indexed_and_scalar_keys_resolve_per_interface_with_defaults()
    {
        var c = Parse("""
            [websms]
            url_host = https://api.example.com
            auth_user = user
            auth_user[2] = other
            [websmsd]
            url_path[1] = /hook/1
            resp_ack[1] = "SMS received on /hook/1"
            url_path[] = /hook/x
            [astqueue]
            context = dp_entry_text_in
            """);
        Assert.Equal("https://api.example.com", c.Outgoing.Get("url_host", "2"));
        Assert.Equal("other", c.Outgoing.Get("auth_user", "2"));
        Assert.Equal("user", c.Outgoing.Get("auth_user", "1"));
        Assert.Equal("user", c.Outgoing.Get("auth_user", null));
        Assert.Equal("Body", c.Outgoing.Get("key_body", null, "Body"));
        Assert.Equal("SMS received on /hook/1", c.Incoming.Get("resp_ack", "1"));
        Assert.Equal([new("1", "/hook/1"), new("2", "/hook/x")], c.Incoming.Setting("url_path")!.Entries);
        Assert.Equal("dp_entry_text_in", c.Queue.Get("context", null));
    }

    [Fact]
    public void The_shipped_seed_parses()
    {
        var seed = Path.Combine(FindRepoRoot(), "config", "seed", "websms.conf");
        var c = Parse(File.ReadAllText(seed));
        Assert.Equal("/sms/send/", c.Outgoing.Get("url_path", null));
        Assert.Equal("SMS received on /hook/2", c.Incoming.Get("resp_ack", "2"));
        Assert.Equal("dp_entry_text_in", c.Queue.Get("context", null));
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Switchboard.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
