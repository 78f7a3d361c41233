using System.Globalization;
using Switchboard.Interop.Tests.Infrastructure;
using Switchboard.TestKit.Net;

namespace Switchboard.Interop.Tests.PrivateDial;

/// <summary>
/// The seed dialplan (dp_entry_* contexts, dp_lookup normalisation, sub_* Gosubs) end to end with SIPp phones and a
/// SIPp ITSP on 127.0.0.2. Each test names the reference flow (reference-mlan-asterisk.md §2.4) it checks.
/// </summary>
[Collection("sipp")]
public sealed class PrivateDialSippTests(PrivateDialFixture fixture) : IClassFixture<PrivateDialFixture>
{
    private PbxInstance Pbx => fixture.Pbx;

    /// <summary>Flow 3: national number 0… becomes +46…, the hint is found and all of bob's devices ring; first answer wins.</summary>
    [SkippableFact]
    public async Task Flow3_internal_call_by_national_number_rings_all_contacts_of_the_callee()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        int answering = await RegisterAsync("bob");
        int ringing = await RegisterAsync("bob");
        var ringer = Sipp.RunAsync("callee-ring.xml", Pbx.SipPort, ["-m", "1", "-trace_logs"], TimeSpan.FromSeconds(60), localPort: ringing);
        var answerer = Sipp.RunAsync("callee-answer.xml", Pbx.SipPort, ["-m", "1", "-rtp_echo", "-trace_msg"], TimeSpan.FromSeconds(60), localPort: answering);
        var caller = await Sipp.RunAsync("call-uac.xml", Pbx.SipPort, ["-inf", Users("ann"), "-s", "0701234502", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        var answered = await answerer;
        Assert.True(answered.ExitCode == 0, "answerer: " + answered + "\n" + Pbx.Output);
        var rang = await ringer;
        Assert.True(rang.ExitCode == 0, "ringer: " + rang + "\n" + Pbx.Output);
        Assert.Contains("Call completed elsewhere", rang.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("+46701234501", HeaderOfFirstInvite(answered.StandardOutput, "From:"), StringComparison.Ordinal);
        var bridge = await WaitForLogAsync("Bridge ", " ended: PJSIP/ann-");
        Assert.Matches(@"[1-9]\d+ RTP packets, .* [1-9]\d+ RTP packets", bridge);
    }

    /// <summary>Flow 3: a number of 8+ digits without + becomes +…; an E.164 number with + is used as is.</summary>
    [SkippableTheory]
    [InlineData("46701234507")]
    [InlineData("+46701234507")]
    public async Task Flow3_internal_call_by_international_forms_reaches_the_callee(string dialled)
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        int port = await RegisterAsync("gina");
        var callee = Sipp.RunAsync("callee-answer.xml", Pbx.SipPort, ["-m", "1", "-rtp_echo"], TimeSpan.FromSeconds(60), localPort: port);
        var caller = await Sipp.RunAsync("call-uac.xml", Pbx.SipPort, ["-inf", Users("ann"), "-s", dialled, "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        var answered = await callee;
        Assert.True(answered.ExitCode == 0, "callee: " + answered + "\n" + Pbx.Output);
        await UnregisterAsync("gina");
    }

    /// <summary>Flow 6: a number with no local hint is normalised and sent to the user's TRUNK_ENDPOINT; the ITSP sees it in the Request-URI and the user's caller id in From.</summary>
    [SkippableFact]
    public async Task Flow6_external_number_is_normalised_and_sent_to_the_trunk()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        var itsp = Sipp.RunAsync("callee-answer.xml", Pbx.SipPort, ["-m", "1", "-rtp_echo", "-trace_msg"], TimeSpan.FromSeconds(60), localPort: fixture.ItspPort, localIp: PrivateDialConfig.ItspAddress);
        await Task.Delay(300);
        var caller = await Sipp.RunAsync("call-uac.xml", Pbx.SipPort, ["-inf", Users("ann"), "-s", "0812345678", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        var seen = await itsp;
        Assert.True(seen.ExitCode == 0, "itsp: " + seen + "\n" + Pbx.Output);
        Assert.Contains($"INVITE sip:+46812345678@{PrivateDialConfig.ItspAddress}:{fixture.ItspPort.ToString(CultureInfo.InvariantCulture)}", seen.StandardOutput, StringComparison.Ordinal);
        var from = HeaderOfFirstInvite(seen.StandardOutput, "From:");
        Assert.Contains("+46701234501", from, StringComparison.Ordinal);
    }

    /// <summary>Flow 7: an INVITE from the trunk's IP (no auth) to a user's number reaches that user through dp_entry_call_in.</summary>
    [SkippableFact]
    public async Task Flow7_incoming_trunk_call_to_a_users_number_reaches_the_user()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        int port = await RegisterAsync("carol");
        var callee = Sipp.RunAsync("callee-answer.xml", Pbx.SipPort, ["-m", "1", "-rtp_echo", "-trace_msg"], TimeSpan.FromSeconds(60), localPort: port);
        var itsp = await Sipp.RunAsync("privdial-trunk-uac.xml", Pbx.SipPort, ["-s", "+46701234503", "-m", "1"], TimeSpan.FromSeconds(60), localPort: fixture.ItspPort, localIp: PrivateDialConfig.ItspAddress);
        Assert.True(itsp.ExitCode == 0, "itsp: " + itsp + "\n" + Pbx.Output);
        var answered = await callee;
        Assert.True(answered.ExitCode == 0, "callee: " + answered + "\n" + Pbx.Output);
        Assert.Contains("+15550001111", HeaderOfFirstInvite(answered.StandardOutput, "From:"), StringComparison.Ordinal);
        await WaitForLogAsync("Bridge ", " ended: PJSIP/itsp:test-");
    }

    /// <summary>Flow 7: a DID that is no user's number is hung up (no toll fraud: nothing goes back out of the trunk).</summary>
    [SkippableFact]
    public async Task Flow7_incoming_trunk_call_to_an_unknown_number_is_rejected()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        var itsp = await Sipp.RunAsync(Fail("privdial-trunk-uac-fail.xml", 480), Pbx.SipPort, ["-s", "+46899999999", "-m", "1"], TimeSpan.FromSeconds(60), localPort: fixture.ItspPort, localIp: PrivateDialConfig.ItspAddress);
        Assert.True(itsp.ExitCode == 0, "itsp: " + itsp + "\n" + Pbx.Output);
        await WaitForLogAsync("[+46899999999@dp_entry_call_in:4] Hangup(\"PJSIP/itsp:test-");
        Assert.DoesNotContain(Pbx.Output.Split('\n'), l => l.Contains("@sub_dial_trunk:", StringComparison.Ordinal) && l.Contains("\"PJSIP/itsp:test-", StringComparison.Ordinal));
    }

    /// <summary>Flow 8: a receive-only user (w_term_i) can be called, but an external number dialled by it goes nowhere (dp_call_in has no trunk step).</summary>
    [SkippableFact]
    public async Task Flow8_receive_only_user_cannot_call_out()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        var caller = await Sipp.RunAsync(Fail("call-uac-fail.xml", 480), Pbx.SipPort, ["-inf", Users("erin"), "-s", "0812345678", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        await WaitForLogAsync("[+46812345678@dp_entry_call_in:4] Hangup(\"PJSIP/erin-");
        Assert.DoesNotContain(Pbx.Output.Split('\n'), l => l.Contains("Dial(\"PJSIP/erin-", StringComparison.Ordinal));
    }

    /// <summary>Flow 5: callee without mailbox and no device registered: DIALSTATUS empty, "please try call later" is played (answering the call), then hang up.</summary>
    [SkippableFact]
    public async Task Flow5_unreachable_callee_without_mailbox_hears_please_try_later_and_is_hung_up()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        var caller = await Sipp.RunAsync("privdial-uac-pbx-bye.xml", Pbx.SipPort, ["-inf", Users("ann"), "-s", "+46701234506", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        await WaitForLogAsync("please-try-call-later");
    }

    /// <summary>Flows 4/5: a busy callee without mailbox: Dial gives BUSY, sub_voicemail plays "please try call later" and hangs up.</summary>
    [SkippableFact]
    public async Task Flow5_busy_callee_without_mailbox_gives_please_try_later()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        int port = await RegisterAsync("hank");
        var callee = Sipp.RunAsync("callee-busy.xml", Pbx.SipPort, ["-m", "1"], TimeSpan.FromSeconds(60), localPort: port);
        var caller = await Sipp.RunAsync("privdial-uac-pbx-bye.xml", Pbx.SipPort, ["-inf", Users("ann"), "-s", "+46701234508", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        var busy = await callee;
        Assert.True(busy.ExitCode == 0, "callee: " + busy + "\n" + Pbx.Output);
        await WaitForLogAsync("Playback(\"PJSIP/ann-", "please-try-call-later");
        await UnregisterAsync("hank");
    }

    private static string HeaderOfFirstInvite(string sippOutput, string header)
    {
        int invite = sippOutput.IndexOf("INVITE sip:", StringComparison.Ordinal);
        Assert.True(invite >= 0, "no INVITE in: " + sippOutput);
        int start = sippOutput.IndexOf("\n" + header, invite, StringComparison.OrdinalIgnoreCase);
        Assert.True(start >= 0, $"no {header} in: " + sippOutput);
        int end = sippOutput.IndexOf('\n', start + 1);
        return sippOutput[(start + 1)..end];
    }

    private static string Fail(string scenario, int final)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("sipp-fail-").FullName, $"{Path.GetFileNameWithoutExtension(scenario)}-{final}.xml");
        File.WriteAllText(path, File.ReadAllText(Sipp.Scenario(scenario)).Replace("{FINAL}", final.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        return path;
    }

    private static string Users(string user) => Sipp.UsersFile([(user, "pw-" + user)]);

    private Task<int> RegisterAsync(string user) => Pbx.RegisterSippAsync(user);

    private async Task UnregisterAsync(string user)
    {
        var r = await Sipp.RunAsync("unregister-all.xml", Pbx.SipPort, ["-inf", Users(user), "-m", "1"]);
        Assert.True(r.ExitCode == 0, r.ToString());
    }

    private Task<string> WaitForLogAsync(params string[] parts) => Pbx.WaitForLogAsync(TimeSpan.FromSeconds(10), parts);
}
