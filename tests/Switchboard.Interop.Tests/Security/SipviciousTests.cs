using Switchboard.Interop.Tests.Infrastructure;
using Switchboard.TestKit.Processes;
using Switchboard.TestKit.Tools;

namespace Switchboard.Interop.Tests.Security;

/// <summary>
/// The attack tools scanners use (sipvicious 0.3.3): svwar cannot enumerate accounts, because a wrong user and a
/// wrong password get the same answer; svcrack with the right password in its dictionary is accepted like a phone.
/// </summary>
[Collection("sipp")]
public sealed class SipviciousTests
{
    [SkippableFact]
    public async Task Svwar_finds_no_valid_extension()
    {
        Skip.IfNot(ExternalTool.Exists("svwar"), "sipvicious is not installed");
        await using var pbx = PbxInstance.Create(DemoConfig.Files());
        await pbx.StartAsync();
        var dir = Directory.CreateTempSubdirectory("svwar-").FullName;
        var dict = Path.Combine(dir, "exts.txt");
        await File.WriteAllLinesAsync(dict, ["100", "alice", "bob", "admin", "1001", "1002", "nosuch"]);
        var r = await ExternalProcess.RunAsync("svwar", ["127.0.0.1", "-p", pbx.SipPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-d", dict, "-m", "REGISTER"], TimeSpan.FromSeconds(90), dir);
        Assert.False(r.TimedOut, r.ToString());
        Assert.DoesNotContain("reqauth", r.Combined);
        Assert.DoesNotContain("noauth", r.Combined);
        Assert.DoesNotContain("| alice", r.Combined);
        Assert.Contains("InvalidAccountID", pbx.Output);
    }

    [SkippableFact]
    public async Task Svcrack_with_the_right_password_is_accepted()
    {
        Skip.IfNot(ExternalTool.Exists("svcrack"), "sipvicious is not installed");
        await using var pbx = PbxInstance.Create(DemoConfig.Files());
        await pbx.StartAsync();
        var dir = Directory.CreateTempSubdirectory("svcrack-").FullName;
        var dict = Path.Combine(dir, "dict.txt");
        await File.WriteAllLinesAsync(dict, ["123456", "password", "letmein", "alice-secret-1", "qwerty"]);
        var r = await ExternalProcess.RunAsync("svcrack", ["127.0.0.1", "-p", pbx.SipPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-u", "alice", "-d", dict], TimeSpan.FromSeconds(90), dir);
        Assert.False(r.TimedOut, r.ToString());
        Assert.Contains("alice-secret-1", r.Combined);
        Assert.Contains("SecurityEvent=\"InvalidPassword\"", pbx.Output);
        Assert.Contains("SecurityEvent=\"SuccessfulAuth\"", pbx.Output);
    }
}
