using System.Globalization;
using Switchboard.Interop.Tests.Infrastructure;
using Switchboard.Interop.Tests.Media;

namespace Switchboard.Interop.Tests.PrivateDial;

/// <summary>
/// Dial(Local/x@ctx&amp;PJSIP/...) where the Local side's dialplan answers by itself: the caller is answered and
/// bridged to the Local channel (its prompt arrives as RTP, the caller's RFC 4733 digit reaches its Read), the PJSIP
/// target gets CANCEL with "Call completed elsewhere", and DIALSTATUS, options and CDR rows are app_dial's.
/// </summary>
[Collection("sipp")]
public sealed class LocalAnswerSippTests(LocalAnswerFixture fixture) : IClassFixture<LocalAnswerFixture>
{
    private const string DtmfPcap = "/usr/share/sip-tester/dtmf_2833_1.pcap";

    private PbxInstance Pbx => fixture.Pbx;

    [SkippableFact]
    public async Task Local_side_answering_by_itself_is_bridged_to_the_caller_and_the_pjsip_target_is_cancelled_as_completed_elsewhere()
    {
        SkipUnlessTools();
        int doraPort = await Pbx.RegisterSippAsync("dora");
        var dora = Sipp.RunAsync("callee-ring.xml", Pbx.SipPort, ["-m", "1", "-trace_logs"], TimeSpan.FromSeconds(60), localPort: doraPort);
        using var rtp = new RtpReceiver();
        var caller = await Sipp.RunAsync(Template(rtp.Port, DigitAction()), Pbx.SipPort, ["-inf", Users("alice"), "-s", "310", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        var rang = await dora;
        Assert.True(rang.ExitCode == 0, "dora: " + rang + "\n" + Pbx.Output);
        Assert.True(rang.StandardOutput.Contains("Reason: SIP;cause=200;text=\"Call completed elsewhere\"", StringComparison.Ordinal), "dora: " + rang);

        // The Local side's prompt (digits/1) reached the caller through the PBX, and the caller's digit reached its Read.
        await WaitForLogAsync("local-digit 1 Local/210@inner-");
        await WaitForLogAsync("hangup 310 after ANSWER Local/210@inner-");
        var frames = rtp.Audio(0).Count;
        int expected = PromptFrames("digits/1");
        Assert.True(frames >= expected, $"{frames} µ-law frames at the caller, the prompt has {expected}");
        Assert.Contains("Bridge ", Pbx.Output, StringComparison.Ordinal);
        await Pbx.WaitForCliAsync("core show channels", o => o.Contains("0 active channels", StringComparison.Ordinal), TimeSpan.FromSeconds(5));

        // CDR: one row per A/B pair of the caller — Local ;1 ANSWERED, dora NO ANSWER — and ;2 a row of its own.
        var local = await WaitForCdrAsync("\"PJSIP/alice-", ";1\"", "ANSWERED");
        Assert.Contains("Local/210@inner-", local, StringComparison.Ordinal);
        var own = await WaitForCdrAsync(";2\",\"\",\"Hangup\"", "\"210\",\"inner\"", "ANSWERED");
        Assert.Contains("\"Local/210@inner-", own, StringComparison.Ordinal);
        var lost = await WaitForCdrAsync("PJSIP/dora-", "NO ANSWER");
        Assert.Contains("PJSIP/alice-", lost, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Lone_local_target_answering_by_itself_plays_to_the_caller_and_reads_its_digit()
    {
        SkipUnlessTools();
        using var rtp = new RtpReceiver();
        var caller = await Sipp.RunAsync(Template(rtp.Port, DigitAction()), Pbx.SipPort, ["-inf", Users("alice"), "-s", "311", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        await WaitForLogAsync("hangup 311 after ANSWER Local/210@inner-");
        Assert.True(rtp.Audio(0).Count >= PromptFrames("digits/1"), rtp.Audio(0).Count + " frames");
        await Pbx.WaitForCliAsync("core show channels", o => o.Contains("0 active channels", StringComparison.Ordinal), TimeSpan.FromSeconds(5));
    }

    [SkippableFact]
    public async Task All_targets_busy_is_BUSY()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        int erinPort = await Pbx.RegisterSippAsync("erin");
        int fredPort = await Pbx.RegisterSippAsync("fred");
        var erin = Sipp.RunAsync("callee-busy.xml", Pbx.SipPort, ["-m", "1"], TimeSpan.FromSeconds(60), localPort: erinPort);
        var fred = Sipp.RunAsync("callee-busy.xml", Pbx.SipPort, ["-m", "1"], TimeSpan.FromSeconds(60), localPort: fredPort);
        var caller = await Sipp.RunAsync(Fail(486), Pbx.SipPort, ["-inf", Users("alice"), "-s", "312", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        Assert.True((await erin).ExitCode == 0, "erin (busy via Local)\n" + Pbx.Output);
        Assert.True((await fred).ExitCode == 0, "fred (busy)\n" + Pbx.Output);
        await WaitForLogAsync("mixed 312 BUSY");
    }

    [SkippableFact]
    public async Task Ring_timeout_is_NOANSWER_and_both_sides_are_cancelled_without_completed_elsewhere()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        int ginaPort = await Pbx.RegisterSippAsync("gina");
        int hankPort = await Pbx.RegisterSippAsync("hank");
        var gina = Sipp.RunAsync("callee-ring.xml", Pbx.SipPort, ["-m", "1", "-trace_logs"], TimeSpan.FromSeconds(60), localPort: ginaPort);
        var hank = Sipp.RunAsync("callee-ring.xml", Pbx.SipPort, ["-m", "1", "-trace_logs"], TimeSpan.FromSeconds(60), localPort: hankPort);
        var caller = await Sipp.RunAsync(Fail(480), Pbx.SipPort, ["-inf", Users("alice"), "-s", "313", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        var g = await gina;
        var h = await hank;
        Assert.True(g.ExitCode == 0, "gina (rang via Local, CANCEL)\n" + g + Pbx.Output);
        Assert.True(h.ExitCode == 0, "hank (rang, CANCEL)\n" + h + Pbx.Output);
        Assert.DoesNotContain("completed elsewhere", g.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("completed elsewhere", h.StandardOutput, StringComparison.Ordinal);
        await WaitForLogAsync("mixed 313 NOANSWER");
    }

    [SkippableFact]
    public async Task Caller_cancel_is_CANCEL_and_r_rings_at_once()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        int ivyPort = await Pbx.RegisterSippAsync("ivy");
        var ivy = Sipp.RunAsync("callee-ring.xml", Pbx.SipPort, ["-m", "1"], TimeSpan.FromSeconds(60), localPort: ivyPort);
        var caller = await Sipp.RunAsync("call-uac-cancel.xml", Pbx.SipPort, ["-inf", Users("alice"), "-s", "314", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        Assert.True((await ivy).ExitCode == 0, "ivy (rang, CANCEL)\n" + Pbx.Output);
        await WaitForLogAsync("hangup 314 after CANCEL");
        await Pbx.WaitForCliAsync("core show channels", o => o.Contains("0 active channels", StringComparison.Ordinal), TimeSpan.FromSeconds(5));
    }

    [SkippableFact]
    public async Task Local_target_without_such_extension_is_CHANUNAVAIL()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        var caller = await Sipp.RunAsync(Fail(480), Pbx.SipPort, ["-inf", Users("alice"), "-s", "315", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        await WaitForLogAsync("mixed 315 CHANUNAVAIL");
        await WaitForLogAsync("lone 315 CHANUNAVAIL");
        await WaitForLogAsync("Local/999@inner not called: no such extension/context");
    }

    [SkippableFact]
    public async Task Option_m_plays_hold_music_as_early_media_until_the_local_side_answers()
    {
        SkipUnlessTools();
        int jackPort = await Pbx.RegisterSippAsync("jack");
        var jack = Sipp.RunAsync("callee-ring.xml", Pbx.SipPort, ["-m", "1", "-trace_logs"], TimeSpan.FromSeconds(60), localPort: jackPort);
        using var rtp = new RtpReceiver();
        var scenario = Template(rtp.Port, string.Empty);
        File.WriteAllText(scenario, File.ReadAllText(scenario).Replace("<recv response=\"183\" optional=\"true\"/>", "<recv response=\"183\"/>", StringComparison.Ordinal));
        var caller = await Sipp.RunAsync(scenario, Pbx.SipPort, ["-inf", Users("alice"), "-s", "316", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller (183 with hold music, then 200): " + caller + "\n" + Pbx.Output);
        var rang = await jack;
        Assert.True(rang.ExitCode == 0, "jack\n" + rang + Pbx.Output);
        Assert.Contains("Call completed elsewhere", rang.StandardOutput, StringComparison.Ordinal);
        await WaitForLogAsync("hangup 316 after ANSWER Local/216@inner-");

        // About 2 s of music (100 frames) before the answer, then the prompt.
        int frames = rtp.Audio(0).Count;
        Assert.True(frames >= PromptFrames("digits/2") + 50, $"{frames} frames at the caller");
    }

    [SkippableFact]
    public async Task Option_g_goes_on_in_the_dialplan_when_the_local_side_hangs_up()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        int katePort = await Pbx.RegisterSippAsync("kate");
        var kate = Sipp.RunAsync("callee-ring.xml", Pbx.SipPort, ["-m", "1"], TimeSpan.FromSeconds(60), localPort: katePort);
        using var rtp = new RtpReceiver();
        var caller = await Sipp.RunAsync(Template(rtp.Port, string.Empty), Pbx.SipPort, ["-inf", Users("alice"), "-s", "317", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        Assert.True((await kate).ExitCode == 0, "kate\n" + Pbx.Output);
        await WaitForLogAsync("after-g 317 ANSWER");
    }

    [SkippableFact]
    public async Task Local_side_that_answered_may_dial_on_for_the_caller_and_media_is_relayed_to_that_callee()
    {
        SkipUnlessTools();
        int petePort = await Pbx.RegisterSippAsync("pete");
        int olgaPort = await Pbx.RegisterSippAsync("olga");
        var pete = Sipp.RunAsync("callee-ring.xml", Pbx.SipPort, ["-m", "1", "-trace_logs"], TimeSpan.FromSeconds(60), localPort: petePort);
        var olga = Sipp.RunAsync("callee-answer.xml", Pbx.SipPort, ["-m", "1", "-rtp_echo"], TimeSpan.FromSeconds(60), localPort: olgaPort);
        var caller = await Sipp.RunAsync("call-uac.xml", Pbx.SipPort, ["-inf", Users("alice"), "-s", "319", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        var rang = await pete;
        Assert.True(rang.ExitCode == 0, "pete: " + rang + "\n" + Pbx.Output);
        Assert.True(rang.StandardOutput.Contains("Call completed elsewhere", StringComparison.Ordinal), "pete: " + rang);
        Assert.True((await olga).ExitCode == 0, "olga (answers the Local side's Dial)\n" + Pbx.Output);
        var line = await WaitForLogAsync("Bridge ", " ended: PJSIP/alice-", "PJSIP/olga-");
        var counts = System.Text.RegularExpressions.Regex.Match(line, @"(\d+) RTP packets, .* (\d+) RTP packets");
        Assert.True(counts.Success, line);
        Assert.True(long.Parse(counts.Groups[1].Value, CultureInfo.InvariantCulture) > 50, line);
        Assert.True(long.Parse(counts.Groups[2].Value, CultureInfo.InvariantCulture) > 50, line);
        await Pbx.WaitForCliAsync("core show channels", o => o.Contains("0 active channels", StringComparison.Ordinal), TimeSpan.FromSeconds(5));
    }

    [SkippableFact]
    public async Task Lone_local_target_progress_and_playback_noanswer_is_early_media_to_the_caller()
    {
        SkipUnlessTools();
        using var rtp = new RtpReceiver();
        var scenario = Template(rtp.Port, string.Empty, "media-uac-early.xml");
        File.WriteAllText(scenario, File.ReadAllText(scenario).Replace("{FINAL}", "480", StringComparison.Ordinal));
        var caller = await Sipp.RunAsync(scenario, Pbx.SipPort, ["-inf", Users("alice"), "-s", "318", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller (183, early prompt, 480): " + caller + "\n" + Pbx.Output);
        await WaitForLogAsync("local-early SUCCESS");
        await WaitForLogAsync("lone 318 NOANSWER");
        await rtp.WaitQuietAsync(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(5));
        int expected = PromptFrames("digits/1");
        Assert.InRange(rtp.Audio(0).Count, expected - 2, expected + 2);
    }

    [SkippableFact]
    public async Task Cli_originate_local_application_plays_to_the_device_the_local_side_dialled()
    {
        SkipUnlessTools();
        int lucyPort = await Pbx.RegisterSippAsync("lucy");
        using var rtp = new RtpReceiver();
        var lucy = Sipp.RunAsync(Template(rtp.Port, string.Empty, "callee-media.xml"), Pbx.SipPort, ["-m", "1"], TimeSpan.FromSeconds(60), localPort: lucyPort);
        await Task.Delay(300);
        var output = await Pbx.CliAsync("channel originate Local/400@orig application Playback digits/1");
        Assert.DoesNotContain("Usage", output, StringComparison.Ordinal);
        var answered = await lucy;
        Assert.True(answered.ExitCode == 0, "lucy (answers, hears the prompt, gets BYE): " + answered + "\n" + Pbx.Output);
        await WaitForLogAsync("Originate Local/400@orig: answered on Local/400@orig-");
        await WaitForLogAsync("orig-h Local/400@orig-", ";2 ANSWER PJSIP/lucy-");
        await rtp.WaitQuietAsync(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(5));
        int expected = PromptFrames("digits/1");
        Assert.InRange(rtp.Audio(0).Count, expected - 2, expected + 2);
        await Pbx.WaitForCliAsync("core show channels", o => o.Contains("0 active channels", StringComparison.Ordinal), TimeSpan.FromSeconds(5));
    }

    [SkippableFact]
    public async Task Cli_originate_pjsip_extension_runs_the_extension_with_its_prompt_on_the_device()
    {
        SkipUnlessTools();
        int mikePort = await Pbx.RegisterSippAsync("mike");
        using var rtp = new RtpReceiver();
        var mike = Sipp.RunAsync(Template(rtp.Port, string.Empty, "callee-media.xml"), Pbx.SipPort, ["-m", "1"], TimeSpan.FromSeconds(60), localPort: mikePort);
        await Task.Delay(300);
        var output = await Pbx.CliAsync("channel originate PJSIP/mike extension 401@orig");
        Assert.DoesNotContain("Usage", output, StringComparison.Ordinal);
        var answered = await mike;
        Assert.True(answered.ExitCode == 0, "mike: " + answered + "\n" + Pbx.Output);
        await WaitForLogAsync("origext 401 PJSIP/mike-", "SUCCESS");
        await rtp.WaitQuietAsync(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(5));
        int expected = PromptFrames("digits/3");
        Assert.InRange(rtp.Audio(0).Count, expected - 2, expected + 2);
    }

    /// <summary>
    /// core_unreal (ast_unreal_hangup): when ;2 hangs up — here because the device it bridged (Dial(PJSIP/quinn), no
    /// g option) sent BYE — a hangup is queued to ;1, so ;1's Wait(20) in 403@orig ends at once and ;1 hangs up (its
    /// h extension runs), instead of waiting out the 20 s. CDR (Asterisk CDR specification: every channel that was
    /// not dialled is a party A — ;2 is never dialled, the originated ;1 is not treated as dialled): one row for ;2 →
    /// PJSIP/quinn (Dial, ANSWERED) and one for ;1 of its own.
    /// </summary>
    [SkippableFact]
    public async Task Originated_local_extension_ends_when_the_device_the_local_side_dialled_hangs_up()
    {
        SkipUnlessTools();
        int port = await Pbx.RegisterSippAsync("quinn");
        var quinn = Sipp.RunAsync("callee-answer-bye.xml", Pbx.SipPort, ["-m", "1"], TimeSpan.FromSeconds(60), localPort: port);
        await Task.Delay(300);
        var output = await Pbx.CliAsync("channel originate Local/402@orig extension 403@orig");
        Assert.DoesNotContain("Usage", output, StringComparison.Ordinal);
        var answered = await quinn;
        Assert.True(answered.ExitCode == 0, "quinn (answers, then hangs up): " + answered + "\n" + Pbx.Output);
        await WaitForLogAsync("orig-h Local/402@orig-", ";1 ");
        Assert.Contains("0 active channels", await Pbx.WaitForCliAsync("core show channels", o => o.Contains("0 active channels", StringComparison.Ordinal), TimeSpan.FromSeconds(5)), StringComparison.Ordinal);
        Assert.DoesNotContain("orig-403-done", Pbx.Output, StringComparison.Ordinal);

        var two = await WaitForCdrAsync("\"Local/402@orig-", ";2\",\"PJSIP/quinn-", "\"Dial\"", "ANSWERED");
        Assert.Contains("\"402\",\"orig\"", two, StringComparison.Ordinal);
        var one = await WaitForCdrAsync("\"Local/402@orig-", ";1\"", "ANSWERED");
        Assert.Contains("\"Wait\"", one, StringComparison.Ordinal);
    }

    /// <summary>The application form: <c>channel originate Local/406@orig application Wait 20</c> ends when the device hangs up.</summary>
    [SkippableFact]
    public async Task Originated_local_application_ends_when_the_device_the_local_side_dialled_hangs_up()
    {
        SkipUnlessTools();
        int port = await Pbx.RegisterSippAsync("rose");
        var rose = Sipp.RunAsync("callee-answer-bye.xml", Pbx.SipPort, ["-m", "1"], TimeSpan.FromSeconds(60), localPort: port);
        await Task.Delay(300);
        var output = await Pbx.CliAsync("channel originate Local/406@orig application Wait 20");
        Assert.DoesNotContain("Usage", output, StringComparison.Ordinal);
        var answered = await rose;
        Assert.True(answered.ExitCode == 0, "rose (answers, then hangs up): " + answered + "\n" + Pbx.Output);
        await WaitForLogAsync("orig-h Local/406@orig-", ";2 ANSWER PJSIP/rose-");
        Assert.Contains("0 active channels", await Pbx.WaitForCliAsync("core show channels", o => o.Contains("0 active channels", StringComparison.Ordinal), TimeSpan.FromSeconds(5)), StringComparison.Ordinal);
    }

    /// <summary>
    /// The reverse direction (core_unreal: the owner ;1 hanging up queues a hangup to ;2): ;1's 405@orig ends after
    /// Wait(1), so ;2 — in Wait(20) of 404@orig — hangs up at once and its h extension runs.
    /// </summary>
    [SkippableFact]
    public async Task Originated_local_side_hangs_up_when_the_originated_half_ends()
    {
        SkipUnlessTools();
        var output = await Pbx.CliAsync("channel originate Local/404@orig extension 405@orig");
        Assert.DoesNotContain("Usage", output, StringComparison.Ordinal);
        await WaitForLogAsync("orig-h Local/404@orig-", ";2 ");
        Assert.Contains("0 active channels", await Pbx.WaitForCliAsync("core show channels", o => o.Contains("0 active channels", StringComparison.Ordinal), TimeSpan.FromSeconds(5)), StringComparison.Ordinal);
        Assert.DoesNotContain("orig-404-done", Pbx.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// The reverse direction with a device: ;2 bridged sam (Dial(PJSIP/sam)); ;1 (408@orig) ends after 3 s, so ;2
    /// hangs up, its Dial ends and sam gets BYE. While up, core show channels concise (main/cli.c) shows ;2 and
    /// sam's channel in one bridge (the same bridge id in field 13), sam's marked AppDial((Outgoing Line)) by app_dial,
    /// and ;1 running Wait(3) at 408@orig.
    /// </summary>
    [SkippableFact]
    public async Task Originated_half_ending_hangs_up_the_device_the_local_side_dialled()
    {
        SkipUnlessTools();
        int port = await Pbx.RegisterSippAsync("sam");
        var sam = Sipp.RunAsync("callee-answer.xml", Pbx.SipPort, ["-m", "1"], TimeSpan.FromSeconds(60), localPort: port);
        await Task.Delay(300);
        var output = await Pbx.CliAsync("channel originate Local/407@orig extension 408@orig");
        Assert.DoesNotContain("Usage", output, StringComparison.Ordinal);
        var listing = await Pbx.WaitForCliAsync("core show channels concise", o => o.Contains("!408!1!Up!Wait!3!", StringComparison.Ordinal) && o.Contains("PJSIP/sam-", StringComparison.Ordinal), TimeSpan.FromSeconds(2));
        var concise = listing.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        var two = Array.Find(concise, l => l.StartsWith("Local/407@orig-", StringComparison.Ordinal) && l.Contains(";2!", StringComparison.Ordinal));
        var one = Array.Find(concise, l => l.StartsWith("Local/407@orig-", StringComparison.Ordinal) && l.Contains(";1!", StringComparison.Ordinal));
        var device = Array.Find(concise, l => l.StartsWith("PJSIP/sam-", StringComparison.Ordinal));
        Assert.True(two is not null && one is not null && device is not null, string.Join("\n", concise));
        Assert.Equal(["orig", "407", "1", "Up", "Dial", "PJSIP/sam,20"], two.Split('!')[1..7]);
        Assert.NotEqual(string.Empty, two.Split('!')[12]);
        Assert.Equal(["orig", "408", "1", "Up", "Wait", "3"], one.Split('!')[1..7]);
        Assert.Equal(["Up", "AppDial", "(Outgoing Line)"], device.Split('!')[4..7]);
        Assert.Equal(two.Split('!')[12], device.Split('!')[12]);
        var result = await sam;
        Assert.True(result.ExitCode == 0, "sam (answers, gets BYE): " + result + "\n" + Pbx.Output);
        await WaitForLogAsync("orig-h Local/407@orig-", ";2 ANSWER PJSIP/sam-");
        Assert.Contains("0 active channels", await Pbx.WaitForCliAsync("core show channels", o => o.Contains("0 active channels", StringComparison.Ordinal), TimeSpan.FromSeconds(5)), StringComparison.Ordinal);
        Assert.DoesNotContain("orig-407-after-dial", Pbx.Output, StringComparison.Ordinal);
    }

    private static void SkipUnlessTools()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        Skip.IfNot(MediaFixture.SoundsAvailable, "asterisk-core-sounds-en-wav is not installed");
        Skip.IfNot(File.Exists(DtmfPcap), DtmfPcap + " is not installed");
    }

    private static string DigitAction() => $"""
        <pause milliseconds="2000"/>
          <nop><action><exec play_pcap_audio="{DtmfPcap}"/></action></nop>
        """;

    /// <summary>20 ms frames of a core sound (8 kHz).</summary>
    private static int PromptFrames(string sound)
        => (AudioCompare.ReadWav(Path.Combine(MediaFixture.CoreSounds, sound + ".wav")).Length + 159) / 160;

    /// <summary>A media scenario (default: the caller the PBX hangs up on) announcing µ-law RTP at <paramref name="rtpPort"/>.</summary>
    private static string Template(int rtpPort, string action, string scenario = "media-uac-pbx-bye.xml")
    {
        var text = File.ReadAllText(Sipp.Scenario(scenario))
            .Replace("{RTP_PORT}", rtpPort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{CODEC}", "PCMU", StringComparison.Ordinal)
            .Replace("{PT}", "0", StringComparison.Ordinal)
            .Replace("{ACTION}", action, StringComparison.Ordinal);
        var path = Path.Combine(Directory.CreateTempSubdirectory("sipp-localans-").FullName, scenario);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Fail(int final)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("sipp-fail-").FullName, $"call-uac-fail-{final}.xml");
        File.WriteAllText(path, File.ReadAllText(Sipp.Scenario("call-uac-fail.xml")).Replace("{FINAL}", final.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        return path;
    }

    private static string Users(string user) => Sipp.UsersFile([(user, "pw-" + user)]);

    private Task<string> WaitForLogAsync(params string[] parts) => Pbx.WaitForLogAsync(TimeSpan.FromSeconds(15), parts);

    private async Task<string> WaitForCdrAsync(params string[] parts)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(fixture.CdrFile))
            {
                foreach (var line in File.ReadAllLines(fixture.CdrFile))
                {
                    if (Array.TrueForAll(parts, p => line.Contains(p, StringComparison.Ordinal)))
                    {
                        return line;
                    }
                }
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException("no CDR row with " + string.Join(" + ", parts) + "\n" + (File.Exists(fixture.CdrFile) ? File.ReadAllText(fixture.CdrFile) : "(no Master.csv)") + "\n" + Pbx.Output);
    }
}
