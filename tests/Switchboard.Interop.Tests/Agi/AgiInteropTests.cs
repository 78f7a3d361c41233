using System.Globalization;
using System.Text.Json;
using Switchboard.Interop.Tests.Infrastructure;
using Switchboard.TestKit.Net;
using Switchboard.TestKit.Processes;
using Switchboard.TestKit.Tools;

namespace Switchboard.Interop.Tests.Agi;

/// <summary>
/// AGI against real peers: a SIPp call runs AGI() in the PBX; the FastAGI server is the npm <c>ding-dong</c> library
/// (nobody here wrote it) and the local program a shell script. Each script reads variables and sets the hangup
/// cause the dialplan then uses, so SIPp's final response proves the dialplan saw the value; AstDB holds the rest.
/// </summary>
[Collection("sipp")]
public sealed class AgiInteropTests
{
    private const string Wizard = """
        [alice]
        type = wizard
        accepts_auth = yes
        accepts_registrations = yes
        endpoint/context = default
        endpoint/allow = !all,alaw,ulaw
        inbound_auth/username = alice
        inbound_auth/password = pw-alice
        """;

    private const string Extensions = """
        [general]
        autofallthrough = yes

        [default]
        exten => 300,1,Set(FOO=from-dialplan)
         same => n,AGI(agi://127.0.0.1:{AGI_PORT}/check?x=1,one)
         same => n,Set(DB(agitest/result)=${AGISTATUS}|${AGI_SEEN})
         same => n,Hangup(${AGI_CAUSE})
        exten => 301,1,AGI({SCRIPT},hello)
         same => n,Set(DB(agitest/program)=${AGISTATUS}|${PROG_RESULT})
         same => n,Hangup(${PROG_CAUSE})
        """;

    private const string Script = """
        #!/bin/sh
        while read line; do [ -z "$line" ] && break; done
        echo 'GET VARIABLE CALLERID(num)'
        read reply
        echo "SET VARIABLE PROG_RESULT \"$1 $reply\""
        read reply
        echo 'SET VARIABLE PROG_CAUSE 21'
        read reply
        """;

    [SkippableFact]
    public async Task Ding_dong_FastAGI_server_reads_variables_and_sets_the_cause_the_dialplan_hangs_up_with()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        var nodeDir = NodeDir(out var reason);
        Skip.If(nodeDir is null, reason);
        int agiPort = FreePort.Tcp();
        await using var pbx = await StartPbxAsync(agiPort, "/bin/true");
        await using var node = ExternalProcess.Start("node", ["agi-server.js", agiPort.ToString(CultureInfo.InvariantCulture)], nodeDir);
        await WaitForAsync(() => node.Output.Contains("\"step\":\"ready\"", StringComparison.Ordinal), () => node.Output);

        var caller = await Sipp.RunAsync(FailScenario(486), pbx.SipPort, ["-inf", Sipp.UsersFile([("alice", "pw-alice")]), "-s", "300", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\nnode: " + node.Output + node.Error + "\n" + pbx.Output);
        var result = await node.WaitAsync(TimeSpan.FromSeconds(20));
        var steps = Steps(result.StandardOutput);
        Assert.True(steps.TryGetValue("done", out _), "node: " + result + "\n" + pbx.Output);

        var vars = steps["variables"].GetProperty("vars");
        Assert.Equal("yes", vars.GetProperty("agi_network").GetString());
        Assert.Equal("check?x=1", vars.GetProperty("agi_network_script").GetString());
        Assert.Equal("alice", vars.GetProperty("agi_callerid").GetString());
        Assert.Equal("300", vars.GetProperty("agi_extension").GetString());
        Assert.Equal("default", vars.GetProperty("agi_context").GetString());
        Assert.StartsWith("PJSIP/alice-", vars.GetProperty("agi_channel").GetString(), StringComparison.Ordinal);
        Assert.Equal("from-dialplan", steps["foo"].GetProperty("foo").GetProperty("value").GetString());
        Assert.Equal("4", steps["status"].GetProperty("status").GetProperty("result").GetString());

        var db = await pbx.WaitForCliAsync("database show agitest", o => o.Contains("/agitest/result", StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        Assert.Contains("SUCCESS|alice/from-dialplan/one", db, StringComparison.Ordinal);
        Assert.Contains("check?x=1", db, StringComparison.Ordinal);
        Assert.Contains("ding-dong says hello", pbx.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Local_AGI_program_reads_a_variable_and_sets_the_cause_the_dialplan_hangs_up_with()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        Skip.IfNot(OperatingSystem.IsLinux(), "the AGI script is a POSIX shell script");
        var dir = Directory.CreateTempSubdirectory("agi-prog-").FullName;
        var script = Path.Combine(dir, "set-cause.sh");
        await File.WriteAllTextAsync(script, Script.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        await using var pbx = await StartPbxAsync(FreePort.Tcp(), script);

        var caller = await Sipp.RunAsync(FailScenario(403), pbx.SipPort, ["-inf", Sipp.UsersFile([("alice", "pw-alice")]), "-s", "301", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + pbx.Output);
        var db = await pbx.WaitForCliAsync("database show agitest", o => o.Contains("/agitest/program", StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        Assert.Contains("SUCCESS|hello 200 result=1 (alice)", db, StringComparison.Ordinal);
        Directory.Delete(dir, recursive: true);
    }

    private static async Task<PbxInstance> StartPbxAsync(int agiPort, string script)
    {
        var extensions = Extensions.Replace("{AGI_PORT}", agiPort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("{SCRIPT}", script, StringComparison.Ordinal);
        var pbx = PbxInstance.Create(new Dictionary<string, string>
        {
            ["pjsip.conf"] = TestConfigs.Transports,
            ["pjsip_wizard.conf"] = Wizard,
            ["extensions.conf"] = extensions,
        });
        try
        {
            await pbx.StartAsync();
        }
        catch
        {
            await pbx.DisposeAsync();
            throw;
        }

        return pbx;
    }

    private static string FailScenario(int final)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("sipp-agi-").FullName, $"call-uac-fail-{final}.xml");
        File.WriteAllText(path, File.ReadAllText(Sipp.Scenario("call-uac-fail.xml")).Replace("{FINAL}", final.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        return path;
    }

    private static Dictionary<string, JsonElement> Steps(string output)
    {
        var steps = new Dictionary<string, JsonElement>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith('{'))
            {
                var e = JsonDocument.Parse(line).RootElement.Clone();
                steps[e.GetProperty("step").GetString()!] = e;
            }
        }

        return steps;
    }

    private static async Task WaitForAsync(Func<bool> condition, Func<string> describe)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition(), describe());
    }

    private static string? NodeDir(out string reason)
    {
        reason = string.Empty;
        if (!ExternalTool.Exists("node"))
        {
            reason = "node is not installed";
            return null;
        }

        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Switchboard.slnx")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        var node = dir is null ? null : Path.Combine(dir, "tests", "Switchboard.Interop.Tests", "node");
        if (node is null || !Directory.Exists(Path.Combine(node, "node_modules", "ding-dong")))
        {
            reason = "the npm ding-dong package is not installed (run npm install in tests/Switchboard.Interop.Tests/node)";
            return null;
        }

        return node;
    }
}
