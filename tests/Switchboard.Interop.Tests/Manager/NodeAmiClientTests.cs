using System.Text.Json;
using Switchboard.Core.Events;

namespace Switchboard.Interop.Tests.Manager;

/// <summary>Real AMI libraries from npm (asterisk-manager 0.2.0, asterisk-ami-client 1.1.5) against ManagerService.</summary>
public sealed class NodeAmiClientTests
{
    private static JsonElement Step(List<JsonElement> steps, string name, string output)
    {
        foreach (var s in steps)
        {
            if (s.GetProperty("step").GetString() == name)
            {
                return s;
            }
        }

        Assert.Fail($"no step '{name}' in node output:\n{output}");
        return default;
    }

    private static void AssertSecurityEvent(JsonElement evt, string keyCase)
    {
        string Get(string key) => evt.GetProperty(keyCase == "lower" ? key.ToLowerInvariant() : key).GetString()!;
        Assert.Equal("InvalidPassword", Get("Event"));
        Assert.Equal("security,all", Get("Privilege"));
        Assert.Equal("Error", Get("Severity"));
        Assert.Equal("PJSIP", Get("Service"));
        Assert.Equal("2", Get("EventVersion"));
        Assert.Equal("alice", Get("AccountID"));
        Assert.Equal("reg-call-id@10.0.0.9", Get("SessionID"));
        Assert.Equal("IPV4/UDP/127.0.0.1/5060", Get("LocalAddress"));
        Assert.Equal("IPV4/UDP/192.0.2.44/5062", Get("RemoteAddress"));
        Assert.Equal("nonce1", Get("Challenge"));
        Assert.Equal("0123456789abcdef", Get("ReceivedHash"));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+0000$", Get("EventTV"));
    }

    [SkippableTheory]
    [InlineData("plain")]
    [InlineData("md5")]
    public async Task Asterisk_manager_logs_in_gets_security_event_runs_command_and_contacts(string mode)
    {
        var nodeDir = AmiNodeHost.NodeDir(out var reason);
        Skip.If(nodeDir is null, reason);
        await using var host = new AmiNodeHost();
        await host.Service.StartAsync();
        var (result, steps) = await host.RunNodeAsync(nodeDir!, "ami-manager.js", () => host.Bus.Publish(AmiNodeHost.FailedRegister()),
            host.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "interop", "interop-secret", mode);
        Assert.True(result.ExitCode == 0, result.ToString());
        AssertSecurityEvent(Step(steps, "security", result.Combined).GetProperty("event"), "lower");
        var command = Step(steps, "command", result.Combined).GetProperty("res");
        Assert.Equal("Success", command.GetProperty("response").GetString());
        Assert.Contains("alice", command.GetProperty("output").ToString(), StringComparison.Ordinal);
        var contacts = Step(steps, "contacts", result.Combined);
        var contact = Assert.Single(contacts.GetProperty("contacts").EnumerateArray());
        Assert.Equal("sip:alice@127.0.0.1:5098", contact.GetProperty("uri").GetString());
        Assert.Equal("alice", contact.GetProperty("endpoint").GetString());
        Assert.Equal("1", contacts.GetProperty("complete").GetProperty("listitems").GetString());
        if (mode == "md5")
        {
            Assert.Equal("Authentication accepted", Step(steps, "login", result.Combined).GetProperty("res").GetProperty("message").GetString());
        }
    }

    [SkippableFact]
    public async Task Asterisk_manager_is_refused_with_a_wrong_secret()
    {
        var nodeDir = AmiNodeHost.NodeDir(out var reason);
        Skip.If(nodeDir is null, reason);
        await using var host = new AmiNodeHost();
        await host.Service.StartAsync();
        var (result, steps) = await host.RunNodeAsync(nodeDir!, "ami-manager.js", null,
            host.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "interop", "wrong", "wrong");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Authentication failed", Step(steps, "refused", result.Combined).GetProperty("err").GetProperty("message").GetString());
        lock (host.SecurityEvents)
        {
            Assert.Contains(host.SecurityEvents, e => e.Type == SecurityEventType.InvalidPassword && e.Service == "AMI" && e.AccountId == "interop");
        }
    }

    [SkippableFact]
    public async Task Asterisk_ami_client_logs_in_gets_security_event_and_runs_command()
    {
        var nodeDir = AmiNodeHost.NodeDir(out var reason);
        Skip.If(nodeDir is null, reason);
        await using var host = new AmiNodeHost();
        await host.Service.StartAsync();
        var (result, steps) = await host.RunNodeAsync(nodeDir!, "ami-client.js", () => host.Bus.Publish(AmiNodeHost.FailedRegister()),
            host.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "interop", "interop-secret", "ok");
        Assert.True(result.ExitCode == 0, result.ToString());
        AssertSecurityEvent(Step(steps, "security", result.Combined).GetProperty("event"), "exact");
        Assert.Equal("Success", Step(steps, "command", result.Combined).GetProperty("res").GetProperty("Response").GetString());
        Assert.Equal("Pong", Step(steps, "ping", result.Combined).GetProperty("res").GetProperty("Ping").GetString());
    }

    [SkippableFact]
    public async Task Asterisk_ami_client_is_refused_with_a_wrong_secret()
    {
        var nodeDir = AmiNodeHost.NodeDir(out var reason);
        Skip.If(nodeDir is null, reason);
        await using var host = new AmiNodeHost();
        await host.Service.StartAsync();
        var (result, steps) = await host.RunNodeAsync(nodeDir!, "ami-client.js", null,
            host.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "interop", "bad", "wrong");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Authentication failed", Step(steps, "refused", result.Combined).GetProperty("err").GetString(), StringComparison.Ordinal);
    }
}
