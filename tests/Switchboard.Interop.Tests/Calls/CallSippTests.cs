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

    [SkippableFact]
    public async Task Busy_callee_gives_dialstatus_busy_and_486_to_the_caller()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        int port = await RegisterAsync("busy");
        var callee = Sipp.RunAsync("callee-busy.xml", Pbx.SipPort, ["-m", "1"], TimeSpan.FromSeconds(60), localPort: port);
        var caller = await Sipp.RunAsync(FailScenario(486), Pbx.SipPort, ["-inf", Users("alice"), "-s", "201", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        var calleeResult = await callee;
        Assert.True(calleeResult.ExitCode == 0, "callee: " + calleeResult);
        await WaitForLogAsync("hangup PJSIP/alice-", " BUSY 17");
    }

    [SkippableFact]
    public async Task Ring_timeout_cancels_the_callee_and_gives_noanswer()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        int port = await RegisterAsync("slow");
        var callee = Sipp.RunAsync("callee-ring.xml", Pbx.SipPort, ["-m", "1"], TimeSpan.FromSeconds(60), localPort: port);
        var caller = await Sipp.RunAsync(FailScenario(480), Pbx.SipPort, ["-inf", Users("alice"), "-s", "202", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        var calleeResult = await callee;
        Assert.True(calleeResult.ExitCode == 0, "callee: " + calleeResult);
        await WaitForLogAsync("hangup PJSIP/alice-", " NOANSWER 19");
    }

    [SkippableFact]
    public async Task Caller_cancel_propagates_to_the_callee_and_gives_487()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        int port = await RegisterAsync("cxl");
        var callee = Sipp.RunAsync("callee-ring.xml", Pbx.SipPort, ["-m", "1"], TimeSpan.FromSeconds(60), localPort: port);
        var caller = await Sipp.RunAsync("call-uac-cancel.xml", Pbx.SipPort, ["-inf", Users("alice"), "-s", "203", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        var calleeResult = await callee;
        Assert.True(calleeResult.ExitCode == 0, "callee: " + calleeResult);
        await WaitForLogAsync("hangup PJSIP/alice-", " CANCEL ");
    }

    [SkippableFact]
    public async Task Unregistered_callee_gives_chanunavail()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        var caller = await Sipp.RunAsync(FailScenario(480), Pbx.SipPort, ["-inf", Users("alice"), "-s", "204", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        await WaitForLogAsync("hangup PJSIP/alice-", " CHANUNAVAIL 20");
    }

    [SkippableFact]
    public async Task Forked_call_first_answer_wins_and_the_other_contact_is_cancelled()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        int answering = await RegisterAsync("fork");
        int ringing = await RegisterAsync("fork");
        var contacts = await Pbx.CliAsync("pjsip show contacts");
        Assert.Equal(2, contacts.Split('\n').Count(l => l.Contains("fork/sip:fork@", StringComparison.Ordinal)));
        var ringer = Sipp.RunAsync("callee-ring.xml", Pbx.SipPort, ["-m", "1", "-trace_logs"], TimeSpan.FromSeconds(60), localPort: ringing);
        var answerer = Sipp.RunAsync("callee-answer.xml", Pbx.SipPort, ["-m", "1", "-rtp_echo"], TimeSpan.FromSeconds(60), localPort: answering);
        var caller = await Sipp.RunAsync("call-uac.xml", Pbx.SipPort, ["-inf", Users("alice"), "-s", "205", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        var answered = await answerer;
        Assert.True(answered.ExitCode == 0, "answerer: " + answered);
        var rang = await ringer;
        Assert.True(rang.ExitCode == 0, "ringer: " + rang);
        Assert.Contains("Call completed elsewhere", rang.StandardOutput, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Hold_reinvite_is_answered_and_relayed_to_the_other_party()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        int port = await RegisterAsync("hold");
        var callee = Sipp.RunAsync("callee-hold.xml", Pbx.SipPort, ["-m", "1", "-rtp_echo"], TimeSpan.FromSeconds(60), localPort: port);
        var caller = await Sipp.RunAsync("call-uac-hold.xml", Pbx.SipPort, ["-inf", Users("alice"), "-s", "206", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        var calleeResult = await callee;
        Assert.True(calleeResult.ExitCode == 0, "callee: " + calleeResult + "\n" + Pbx.Output);
    }

    private static string FailScenario(int final)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("sipp-fail-").FullName, $"call-uac-fail-{final}.xml");
        File.WriteAllText(path, File.ReadAllText(Sipp.Scenario("call-uac-fail.xml")).Replace("{FINAL}", final.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        return path;
    }

    private static string Users(string user) => Sipp.UsersFile([(user, "pw-" + user)]);

    private Task<int> RegisterAsync(string user) => Pbx.RegisterSippAsync(user);

    private Task<string> WaitForLogAsync(params string[] parts) => Pbx.WaitForLogAsync(TimeSpan.FromSeconds(10), parts);
}
