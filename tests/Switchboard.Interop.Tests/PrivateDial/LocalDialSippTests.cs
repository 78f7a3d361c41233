using System.Globalization;
using Switchboard.Interop.Tests.Infrastructure;
using Switchboard.TestKit.Net;

namespace Switchboard.Interop.Tests.PrivateDial;

/// <summary>Dial(Local/exten@context): the Local ;2 half Dials PJSIP on the caller's behalf; media flows caller ↔ callee.</summary>
[Collection("sipp")]
public sealed class LocalDialSippTests(LocalDialFixture fixture) : IClassFixture<LocalDialFixture>
{
    private PbxInstance Pbx => fixture.Pbx;

    [SkippableFact]
    public async Task Dial_local_rings_the_pjsip_callee_and_audio_flows_both_ways()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        int port = await RegisterAsync("bob");
        var callee = Sipp.RunAsync("callee-answer.xml", Pbx.SipPort, ["-m", "1", "-rtp_echo"], TimeSpan.FromSeconds(60), localPort: port);
        var caller = await Sipp.RunAsync("call-uac.xml", Pbx.SipPort, ["-inf", Users("alice"), "-s", "300", "-m", "1"], TimeSpan.FromSeconds(60));
        var answered = await callee;
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        Assert.True(answered.ExitCode == 0, "callee: " + answered + "\n" + Pbx.Output);
        var line = await WaitForLogAsync("Bridge ", " ended: PJSIP/alice-");
        var counts = System.Text.RegularExpressions.Regex.Match(line, @"(\d+) RTP packets, .* (\d+) RTP packets");
        Assert.True(counts.Success, line);
        Assert.True(long.Parse(counts.Groups[1].Value, CultureInfo.InvariantCulture) > 50, line);
        Assert.True(long.Parse(counts.Groups[2].Value, CultureInfo.InvariantCulture) > 50, line);
        await WaitForLogAsync("Dial(\"Local/200@inner-", "PJSIP/bob");
        await Pbx.WaitForCliAsync("core show channels", o => o.Contains("0 active channels", StringComparison.Ordinal), TimeSpan.FromSeconds(5));
    }

    [SkippableFact]
    public async Task Mixed_local_and_pjsip_targets_all_ring_and_the_local_sides_answer_cancels_the_pjsip_leg()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        int carlPort = await RegisterAsync("carl");
        int doraPort = await RegisterAsync("dora");
        var carl = Sipp.RunAsync("callee-ring-answer.xml", Pbx.SipPort, ["-m", "1", "-rtp_echo"], TimeSpan.FromSeconds(60), localPort: carlPort);
        var dora = Sipp.RunAsync("callee-ring.xml", Pbx.SipPort, ["-m", "1", "-trace_logs"], TimeSpan.FromSeconds(60), localPort: doraPort);
        var caller = await Sipp.RunAsync("call-uac.xml", Pbx.SipPort, ["-inf", Users("alice"), "-s", "302", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        Assert.True((await carl).ExitCode == 0, "carl (answers via Local)\n" + Pbx.Output);
        var rang = await dora;
        Assert.True(rang.ExitCode == 0, "dora (rang, then CANCEL)\n" + Pbx.Output);
        Assert.True(rang.StandardOutput.Contains("Reason: SIP;cause=200;text=\"Call completed elsewhere\"", StringComparison.Ordinal), "dora: " + rang);
        await WaitForLogAsync("hangup h after ANSWER Local/202@inner-");
        await Pbx.WaitForCliAsync("core show channels", o => o.Contains("0 active channels", StringComparison.Ordinal), TimeSpan.FromSeconds(5));

        // CDR as Asterisk writes it: alice's pairs (Local ;1 ANSWERED, dora NO ANSWER) and ;2's own row to carl.
        Assert.Contains(await CdrRowsAsync("\"PJSIP/alice-", "\"PJSIP/dora-"), r => r.Contains("\"NO ANSWER\"", StringComparison.Ordinal));
        Assert.Contains(await CdrRowsAsync("\"PJSIP/alice-", ";1\""), r => r.Contains("Local/202@inner-", StringComparison.Ordinal) && r.Contains("\"ANSWERED\"", StringComparison.Ordinal));
        Assert.Contains(await CdrRowsAsync(";2\",\"PJSIP/carl-"), r => r.Contains("\"Local/202@inner-", StringComparison.Ordinal) && r.Contains("\"ANSWERED\"", StringComparison.Ordinal));
    }

    /// <summary>The Master.csv rows containing every part (waits up to 10 s for at least one).</summary>
    private async Task<List<string>> CdrRowsAsync(params string[] parts)
    {
        var file = Path.Combine(Pbx.DataDir, "var", "log", "asterisk", "cdr-csv", "Master.csv");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var rows = File.Exists(file) ? File.ReadAllLines(file).Where(l => parts.All(p => l.Contains(p, StringComparison.Ordinal))).ToList() : [];
            if (rows.Count > 0 || DateTime.UtcNow > deadline)
            {
                Assert.True(rows.Count > 0, "no CDR row with " + string.Join(" + ", parts) + "\n" + (File.Exists(file) ? File.ReadAllText(file) : "(no Master.csv)"));
                return rows;
            }

            await Task.Delay(100);
        }
    }

    [SkippableFact]
    public async Task Mixed_local_and_pjsip_targets_the_pjsip_answer_cancels_the_local_sides_dial()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        int carlPort = await RegisterAsync("carl");
        int doraPort = await RegisterAsync("dora");
        var carl = Sipp.RunAsync("callee-ring.xml", Pbx.SipPort, ["-m", "1", "-trace_logs"], TimeSpan.FromSeconds(60), localPort: carlPort);
        var dora = Sipp.RunAsync("callee-ring-answer.xml", Pbx.SipPort, ["-m", "1", "-rtp_echo"], TimeSpan.FromSeconds(60), localPort: doraPort);
        var caller = await Sipp.RunAsync("call-uac.xml", Pbx.SipPort, ["-inf", Users("alice"), "-s", "302", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        Assert.True((await dora).ExitCode == 0, "dora (answers)\n" + Pbx.Output);
        var rang = await carl;
        Assert.True(rang.ExitCode == 0, "carl (rang via Local, then CANCEL)\n" + Pbx.Output);

        // dora's answer reaches the Local side's Dial as AST_CAUSE_ANSWERED_ELSEWHERE: carl lost to another answer.
        Assert.True(rang.StandardOutput.Contains("Reason: SIP;cause=200;text=\"Call completed elsewhere\"", StringComparison.Ordinal), "carl: " + rang);
        await WaitForLogAsync("hangup h after ANSWER PJSIP/dora-");
        await Pbx.WaitForCliAsync("core show channels", o => o.Contains("0 active channels", StringComparison.Ordinal), TimeSpan.FromSeconds(5));
    }

    [SkippableFact]
    public async Task Dial_local_to_a_busy_callee_gives_busy_to_the_caller()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        int port = await RegisterAsync("busy");
        var callee = Sipp.RunAsync("callee-busy.xml", Pbx.SipPort, ["-m", "1"], TimeSpan.FromSeconds(60), localPort: port);
        var caller = await Sipp.RunAsync(Fail(486), Pbx.SipPort, ["-inf", Users("alice"), "-s", "301", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        var busy = await callee;
        Assert.True(busy.ExitCode == 0, "callee: " + busy + "\n" + Pbx.Output);
        await WaitForLogAsync("inner 201 BUSY");
        await WaitForLogAsync("localdial 301 BUSY");
        await Pbx.WaitForCliAsync("core show channels", o => o.Contains("0 active channels", StringComparison.Ordinal), TimeSpan.FromSeconds(5));
    }

    private static string Fail(int final)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("sipp-fail-").FullName, $"call-uac-fail-{final}.xml");
        File.WriteAllText(path, File.ReadAllText(Sipp.Scenario("call-uac-fail.xml")).Replace("{FINAL}", final.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        return path;
    }

    private static string Users(string user) => Sipp.UsersFile([(user, "pw-" + user)]);

    private Task<int> RegisterAsync(string user) => Pbx.RegisterSippAsync(user);

    private Task<string> WaitForLogAsync(params string[] parts) => Pbx.WaitForLogAsync(TimeSpan.FromSeconds(10), parts);
}
