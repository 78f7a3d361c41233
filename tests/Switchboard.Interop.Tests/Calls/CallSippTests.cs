using Switchboard.Interop.Tests.Infrastructure;
using Switchboard.TestKit.Net;

namespace Switchboard.Interop.Tests.Calls;

/// <summary>Calls through the PBX between two SIPp instances: alice (UAC) dials an extension that runs Dial(PJSIP/bob).</summary>
[Collection("sipp")]
public sealed class CallSippTests(CallFixture fixture) : IClassFixture<CallFixture>
{
    private PbxInstance Pbx => fixture.Pbx;

    [SkippableFact]
    public async Task Call_is_answered_bridged_with_rtp_both_ways_and_ended_by_bye()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        int bobPort = await RegisterAsync("bob");
        var callee = Sipp.RunAsync("callee-answer.xml", Pbx.SipPort, ["-m", "1", "-rtp_echo"], TimeSpan.FromSeconds(60), localPort: bobPort);
        var caller = await Sipp.RunAsync("call-uac.xml", Pbx.SipPort, ["-inf", Users("alice"), "-s", "200", "-m", "1", "-trace_msg"], TimeSpan.FromSeconds(60));
        var calleeResult = await callee;
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        Assert.True(calleeResult.ExitCode == 0, "callee: " + calleeResult + "\n" + Pbx.Output);
        var line = await WaitForLogAsync("Bridge ", " ended: PJSIP/alice-");
        var counts = System.Text.RegularExpressions.Regex.Match(line, @"(\d+) RTP packets, .* (\d+) RTP packets");
        Assert.True(counts.Success, line);
        Assert.True(long.Parse(counts.Groups[1].Value) > 50, line);
        Assert.True(long.Parse(counts.Groups[2].Value) > 50, line);
        await WaitForLogAsync("hangup PJSIP/alice-", " ANSWER ");
        await Pbx.WaitForCliAsync("core show channels", o => o.Contains("0 active channels", StringComparison.Ordinal), TimeSpan.FromSeconds(5));
    }

    private static string Users(string user) => Sipp.UsersFile([(user, "pw-" + user)]);

    /// <summary>Registers <paramref name="user"/> from a free port (with digest auth) and returns that port for the callee SIPp.</summary>
    private async Task<int> RegisterAsync(string user)
    {
        int port = FreePort.UdpAndTcp();
        var r = await Sipp.RunAsync("register-auth.xml", Pbx.SipPort, ["-inf", Users(user), "-m", "1"], localPort: port);
        Assert.True(r.ExitCode == 0, r.ToString());
        return port;
    }

    private async Task<string> WaitForLogAsync(params string[] parts)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            foreach (var l in Pbx.Output.Split('\n'))
            {
                if (Array.TrueForAll(parts, p => l.Contains(p, StringComparison.Ordinal)))
                {
                    return l;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"no log line with '{string.Join("', '", parts)}' in:\n{Pbx.Output}");
            }

            await Task.Delay(100);
        }
    }
}
