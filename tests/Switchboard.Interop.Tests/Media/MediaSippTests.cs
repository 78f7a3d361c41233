using System.Globalization;
using Switchboard.Interop.Tests.Infrastructure;
using Switchboard.TestKit.Net;
using Switchboard.TestKit.Tools;

namespace Switchboard.Interop.Tests.Media;

/// <summary>
/// Dialplan media with real peers: SIPp callers whose SDP points at a UDP receiver in the test (so every RTP packet
/// the PBX sends is counted and decoded), RFC 4733 digits from the pcaps shipped with sip-tester, rtp_stream of
/// µ-law WAVs made with sox from the core sounds, and two baresip phones recording what they hear (sndfile).
/// </summary>
[Collection("sipp")]
public sealed class MediaSippTests(MediaFixture fixture) : IClassFixture<MediaFixture>
{
    private const string DtmfPcapDir = "/usr/share/sip-tester";

    private PbxInstance Pbx => fixture.Pbx;

    [SkippableTheory]
    [InlineData('1', 21)]
    [InlineData('2', 22)]
    public async Task Background_menu_branches_on_the_rfc4733_digit_from_the_sipp_pcap(char digit, int cause)
    {
        SkipUnlessTools();
        string pcap = Path.Combine(DtmfPcapDir, $"dtmf_2833_{digit}.pcap");
        Skip.IfNot(File.Exists(pcap), pcap + " is not installed");
        using var rtp = new RtpReceiver();
        var action = $"""
            <pause milliseconds="1500"/>
              <nop><action><exec play_pcap_audio="{pcap}"/></action></nop>
            """;
        var caller = await Sipp.RunAsync(Template("media-uac-pbx-bye.xml", rtp.Port, "PCMU", 0, action), Pbx.SipPort, ["-inf", Users("alice"), "-s", "300", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        var choice = await WaitForLogAsync("Ext. ", $"menu-choice {digit} PJSIP/alice-");
        string channel = System.Text.RegularExpressions.Regex.Match(choice, "PJSIP/alice-[0-9a-f]+").Value;
        await WaitForLogAsync($"hangup {channel} {cause}");
        Assert.DoesNotContain($"menu-timeout {channel}", Pbx.Output, StringComparison.Ordinal);

        // The prompt was playing (µ-law, 20 ms frames) until the digit interrupted it: far fewer frames than its 30 s.
        var audio = rtp.Audio(0);
        Assert.InRange(audio.Count, 10, 1000);
    }

    [SkippableFact]
    public async Task Playback_of_core_sounds_sends_one_20ms_rtp_packet_per_frame_of_each_file()
    {
        SkipUnlessTools();
        using var rtp = new RtpReceiver();
        var caller = await Sipp.RunAsync(Template("media-uac-pbx-bye.xml", rtp.Port, "PCMU", 0, string.Empty), Pbx.SipPort, ["-inf", Users("alice"), "-s", "301", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        await WaitForLogAsync("playback-done SUCCESS");
        await rtp.WaitQuietAsync(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(5));

        var one = AudioCompare.ReadWav(Path.Combine(MediaFixture.CoreSounds, "digits", "1.wav"));
        var two = AudioCompare.ReadWav(Path.Combine(MediaFixture.CoreSounds, "digits", "2.wav"));
        int expected = Frames(one.Length) + Frames(two.Length);
        var audio = AudioCompare.InSequence(rtp.Audio(0));
        Assert.Equal(expected, audio.Count);
        Assert.All(audio, p => Assert.Equal(160, p.Payload.Length));
        for (int i = 1; i < audio.Count; i++)
        {
            Assert.Equal(160u, audio[i].Timestamp - audio[i - 1].Timestamp);
        }

        // And it is the right audio: the received µ-law decodes to the two files (each padded to whole frames).
        var sent = Padded(one).Concat(Padded(two)).ToArray();
        double r = AudioCompare.Correlation(sent, AudioCompare.Decode(audio, aLaw: false), 0);
        Assert.True(r > 0.99, $"correlation {r:F4}");
    }

    [SkippableFact]
    public async Task Progress_then_playback_before_answer_is_early_media_in_a_183_with_sdp()
    {
        SkipUnlessTools();
        using var rtp = new RtpReceiver();
        var scenario = Template("media-uac-early.xml", rtp.Port, "PCMU", 0, string.Empty);
        File.WriteAllText(scenario, File.ReadAllText(scenario).Replace("{FINAL}", "480", StringComparison.Ordinal));
        var caller = await Sipp.RunAsync(scenario, Pbx.SipPort, ["-inf", Users("alice"), "-s", "302", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        await WaitForLogAsync("early-done SUCCESS");
        await rtp.WaitQuietAsync(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(5));
        var one = AudioCompare.ReadWav(Path.Combine(MediaFixture.CoreSounds, "digits", "1.wav"));
        Assert.Equal(Frames(one.Length), rtp.Audio(0).Count);
    }

    [SkippableFact]
    public async Task Mulaw_caller_to_alaw_callee_is_transcoded_to_alaw()
    {
        SkipUnlessTools();
        Skip.IfNot(ExternalTool.Exists("sox"), "sox is not installed");
        var (wav, samples) = await MuLawWavAsync("hello-world");
        using var callerRtp = new RtpReceiver();
        using var calleeRtp = new RtpReceiver();
        int port = await RegisterAsync("alawbob");
        var callee = Sipp.RunAsync(Template("callee-media.xml", calleeRtp.Port, "PCMA", 8, string.Empty), Pbx.SipPort, ["-m", "1"], TimeSpan.FromSeconds(60), localPort: port);
        var action = $"""<nop><action><exec rtp_stream="{wav},1,0"/></action></nop>""";
        var scenario = Template("media-uac-caller-bye.xml", callerRtp.Port, "PCMU", 0, action);
        SetPause(scenario, samples.Length / 8 + 1500);
        var caller = await Sipp.RunAsync(scenario, Pbx.SipPort, ["-inf", Users("alice"), "-s", "310", "-m", "1"], TimeSpan.FromSeconds(60));
        var calleeResult = await callee;
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        Assert.True(calleeResult.ExitCode == 0, "callee: " + calleeResult + "\n" + Pbx.Output);

        var received = calleeRtp.Packets.FindAll(p => p.PayloadType != 101);
        Assert.NotEmpty(received);
        Assert.All(received, p => Assert.Equal(8, p.PayloadType));
        double r = AudioCompare.BestCorrelation(samples, AudioCompare.Decode(received, aLaw: true));
        Assert.True(r > 0.95, $"A-law at the callee correlates {r:F4} with the µ-law the caller sent (threshold 0.95)");
    }

    [SkippableFact]
    public async Task Bridged_call_carries_each_sides_audio_to_the_other_without_gaps()
    {
        // Two SIPp instances instead of baresip: each rtp_streams a different core sound (µ-law), each side's SDP
        // points at a receiver in the test.
        SkipUnlessTools();
        Skip.IfNot(ExternalTool.Exists("sox"), "sox is not installed");
        var (wavA, samplesA) = await MuLawWavAsync("hello-world");
        var (wavB, samplesB) = await MuLawWavAsync("vm-goodbye");
        using var callerRtp = new RtpReceiver();
        using var calleeRtp = new RtpReceiver();
        int port = await RegisterAsync("bob");
        var calleeAction = $"""<nop><action><exec rtp_stream="{wavB},1,0"/></action></nop>""";
        var callee = Sipp.RunAsync(Template("callee-media.xml", calleeRtp.Port, "PCMU", 0, calleeAction), Pbx.SipPort, ["-m", "1"], TimeSpan.FromSeconds(60), localPort: port);
        var action = $"""<nop><action><exec rtp_stream="{wavA},1,0"/></action></nop>""";
        var scenario = Template("media-uac-caller-bye.xml", callerRtp.Port, "PCMU", 0, action);
        SetPause(scenario, (Math.Max(samplesA.Length, samplesB.Length) / 8) + 1500);
        var caller = await Sipp.RunAsync(scenario, Pbx.SipPort, ["-inf", Users("alice"), "-s", "311", "-m", "1"], TimeSpan.FromSeconds(60));
        var calleeResult = await callee;
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        Assert.True(calleeResult.ExitCode == 0, "callee: " + calleeResult + "\n" + Pbx.Output);

        var atCallee = calleeRtp.Audio(0);
        var atCaller = callerRtp.Audio(0);
        double rA = AudioCompare.BestCorrelation(samplesA, AudioCompare.Decode(atCallee, aLaw: false));
        double rB = AudioCompare.BestCorrelation(samplesB, AudioCompare.Decode(atCaller, aLaw: false));
        Assert.True(rA > 0.95, $"callee hears the caller's file: correlation {rA:F4} (threshold 0.95)");
        Assert.True(rB > 0.95, $"caller hears the callee's file: correlation {rB:F4} (threshold 0.95)");
        Assert.True(AudioCompare.LargestGapMs(atCallee) <= 40, $"gap {AudioCompare.LargestGapMs(atCallee)} ms at the callee");
        Assert.True(AudioCompare.LargestGapMs(atCaller) <= 40, $"gap {AudioCompare.LargestGapMs(atCaller)} ms at the caller");

        // The relay ran on the io_uring engine wherever this kernel allows io_uring (else on epoll, saying why).
        string settings = await Pbx.CliAsync("rtp show settings");
        bool uring = OperatingSystem.IsLinux() && Switchboard.Transport.Rtp.RtpReceiveEngine.CreateRings(1, out _) is not null
            && !string.Equals(Environment.GetEnvironmentVariable("SWITCHBOARD_RTP_ENGINE"), "epoll", StringComparison.OrdinalIgnoreCase);
        Assert.Matches(uring ? @"Media engine:\s+io_uring, \d+ threads" : @"Media engine:\s+(epoll|async)", settings);
        Assert.Matches(@"Sends refused:\s+0\b", settings);
    }

    [SkippableFact]
    public async Task Baresip_to_baresip_through_the_pbx_each_side_hears_the_others_file()
    {
        // bob (auto-answer) sends tt-weasels.wav, alice dials 311 (Dial(PJSIP/bob)) sending agent-pass.wav; baresip's
        // sndfile module records what each side decoded. Threshold: normalized correlation > 0.9 at the best lag.
        Skip.IfNot(Baresip.Available, "baresip is not installed");
        Skip.IfNot(MediaFixture.SoundsAvailable, "asterisk-core-sounds-en-wav is not installed");
        string recBob = Directory.CreateTempSubdirectory("sb-rec-bob-").FullName;
        string recAlice = Directory.CreateTempSubdirectory("sb-rec-alice-").FullName;
        string bobFile = Path.Combine(MediaFixture.CoreSounds, "tt-weasels.wav");
        string aliceFile = Path.Combine(MediaFixture.CoreSounds, "agent-pass.wav");
        await using var bob = Baresip.Start($"<sip:bob@127.0.0.1:{Pbx.SipPort}>;auth_pass=pw-bob;answermode=auto;regint=60", seconds: 40, audioSource: bobFile, recordDir: recBob);
        await Pbx.WaitForCliAsync("pjsip show contacts", o => o.Contains($"bob/sip:bob@127.0.0.1:{bob.Port}", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        await using var alice = Baresip.Start($"<sip:alice@127.0.0.1:{Pbx.SipPort}>;auth_pass=pw-alice;regint=0", seconds: 8, audioSource: aliceFile, recordDir: recAlice, command: $"/dial sip:311@127.0.0.1:{Pbx.SipPort}");
        await alice.WaitForExitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(500);

        string diagnostics = "\n--- alice\n" + alice.Output + "\n--- bob\n" + bob.Output + "\n--- pbx\n" + Pbx.Output;
        var heardByBob = Directory.GetFiles(recBob, "*-dec.wav");
        var heardByAlice = Directory.GetFiles(recAlice, "*-dec.wav");
        Assert.True(heardByBob.Length == 1 && heardByAlice.Length == 1, "recordings: " + heardByBob.Length + "/" + heardByAlice.Length + diagnostics);
        double rBob = AudioCompare.BestCorrelation(AudioCompare.ReadWav(aliceFile), AudioCompare.ReadWav(heardByBob[0]), maxFrameLag: 100);
        double rAlice = AudioCompare.BestCorrelation(AudioCompare.ReadWav(bobFile), AudioCompare.ReadWav(heardByAlice[0]), maxFrameLag: 100);
        Assert.True(rBob > 0.9, $"bob hears alice's file: correlation {rBob:F4} (threshold 0.9)" + diagnostics);
        Assert.True(rAlice > 0.9, $"alice hears bob's file: correlation {rAlice:F4} (threshold 0.9)" + diagnostics);
    }

    [SkippableFact]
    public async Task Echo_returns_the_callers_audio_until_pound_sent_as_sip_info()
    {
        // The '#' comes as SIP INFO (application/dtmf-relay): once strict RTP has locked onto the rtp_stream source,
        // SIPp's pcap player (which sends from another source port) would be dropped, as Asterisk drops it.
        SkipUnlessTools();
        Skip.IfNot(ExternalTool.Exists("sox"), "sox is not installed");
        var (wav, samples) = await MuLawWavAsync("hello-world");
        using var rtp = new RtpReceiver();
        var action = $"""
            <nop><action><exec rtp_stream="{wav},1,0"/></action></nop>
              <pause milliseconds="{(samples.Length / 8) + 500}"/>
              <send retrans="500"><![CDATA[
            INFO sip:[service]@[remote_ip]:[remote_port] SIP/2.0
            Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
            From: "Alice" <sip:[field0]@[remote_ip]>;tag=[pid]SIPpTag00[call_number]
            To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
            Call-ID: [call_id]
            CSeq: 3 INFO
            Max-Forwards: 70
            Content-Type: application/dtmf-relay
            Content-Length: [len]

            Signal=#
            Duration=160
            ]]></send>
              <recv response="200"/>
            """;
        var caller = await Sipp.RunAsync(Template("media-uac-pbx-bye.xml", rtp.Port, "PCMU", 0, action), Pbx.SipPort, ["-inf", Users("alice"), "-s", "320", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        await WaitForLogAsync("echo-done PJSIP/alice-");
        double r = AudioCompare.BestCorrelation(samples, AudioCompare.Decode(rtp.Audio(0), aLaw: false));
        Assert.True(r > 0.95, $"echoed audio correlates {r:F4} with what was sent (threshold 0.95)");
    }

    [SkippableFact]
    public async Task MusicOnHold_plays_the_default_class_files()
    {
        SkipUnlessTools();
        using var rtp = new RtpReceiver();
        var caller = await Sipp.RunAsync(Template("media-uac-pbx-bye.xml", rtp.Port, "PCMU", 0, string.Empty), Pbx.SipPort, ["-inf", Users("alice"), "-s", "330", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        await WaitForLogAsync("moh-done PJSIP/alice-");
        var audio = rtp.Audio(0);
        Assert.True(audio.Count >= 25, $"{audio.Count} packets of hold music");
        var music = AudioCompare.ReadWav(Path.Combine(MediaFixture.CoreSounds, MediaFixture.MusicFile));
        double r = AudioCompare.Correlation(music, AudioCompare.Decode(AudioCompare.InSequence(audio), aLaw: false), 0);
        Assert.True(r > 0.95, $"hold music correlates {r:F4} with {MediaFixture.MusicFile} (threshold 0.95)");
    }

    [SkippableFact]
    public async Task Dial_m_option_plays_hold_music_as_early_media_while_the_callee_rings()
    {
        SkipUnlessTools();
        using var rtp = new RtpReceiver();
        int port = await RegisterAsync("ringer");
        var callee = Sipp.RunAsync("callee-ring.xml", Pbx.SipPort, ["-m", "1"], TimeSpan.FromSeconds(60), localPort: port);
        var scenario = Template("media-uac-early.xml", rtp.Port, "PCMU", 0, string.Empty);
        File.WriteAllText(scenario, File.ReadAllText(scenario).Replace("{FINAL}", "480", StringComparison.Ordinal));
        var caller = await Sipp.RunAsync(scenario, Pbx.SipPort, ["-inf", Users("alice"), "-s", "312", "-m", "1"], TimeSpan.FromSeconds(60));
        var calleeResult = await callee;
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        Assert.True(calleeResult.ExitCode == 0, "callee: " + calleeResult + "\n" + Pbx.Output);
        await WaitForLogAsync("dial-moh NOANSWER");
        var audio = rtp.Audio(0);
        Assert.True(audio.Count >= 25, $"{audio.Count} packets of hold music during the 3 s of ringing");
        var music = AudioCompare.ReadWav(Path.Combine(MediaFixture.CoreSounds, MediaFixture.MusicFile));
        double r = AudioCompare.Correlation(music, AudioCompare.Decode(AudioCompare.InSequence(audio), aLaw: false), 0);
        Assert.True(r > 0.95, $"hold music correlates {r:F4} with {MediaFixture.MusicFile} (threshold 0.95)");
    }

    [SkippableFact]
    public async Task Read_collects_the_rfc4733_digit_then_SayNumber_and_SayDigits_play_their_prompts()
    {
        SkipUnlessTools();
        string pcap = Path.Combine(DtmfPcapDir, "dtmf_2833_5.pcap");
        Skip.IfNot(File.Exists(pcap), pcap + " is not installed");
        using var rtp = new RtpReceiver();
        var action = $"""
            <pause milliseconds="2500"/>
              <nop><action><exec play_pcap_audio="{pcap}"/></action></nop>
            """;
        var caller = await Sipp.RunAsync(Template("media-uac-pbx-bye.xml", rtp.Port, "PCMU", 0, action), Pbx.SipPort, ["-inf", Users("alice"), "-s", "350", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        await WaitForLogAsync("read-result 5 OK");
        await WaitForLogAsync("say-done");
        await rtp.WaitQuietAsync(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(5));

        // beep (Read's prompt), then digits/40 + digits/2 (SayNumber(42)), then digits/5 (SayDigits(5)).
        int expected = 0;
        foreach (var file in new[] { "beep", "digits/40", "digits/2", "digits/5" })
        {
            expected += Frames(AudioCompare.ReadWav(Path.Combine(MediaFixture.CoreSounds, file + ".wav")).Length);
        }

        Assert.Equal(expected, rtp.Audio(0).Count);
    }

    [SkippableFact]
    public async Task Call_without_rtp_is_hung_up_after_rtp_timeout()
    {
        SkipUnlessTools();
        using var rtp = new RtpReceiver();
        var caller = await Sipp.RunAsync(Template("media-uac-pbx-bye.xml", rtp.Port, "PCMU", 0, string.Empty), Pbx.SipPort, ["-inf", Users("quiet"), "-s", "340", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        await WaitForLogAsync("lack of audio RTP activity in 2 seconds");
        await WaitForLogAsync("hangup PJSIP/quiet-", " 44");
    }

    private static void SkipUnlessTools()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        Skip.IfNot(MediaFixture.SoundsAvailable, "asterisk-core-sounds-en-wav is not installed");
    }

    private static int Frames(int samples) => (samples + 159) / 160;

    private static short[] Padded(short[] samples)
    {
        var padded = new short[Frames(samples.Length) * 160];
        samples.CopyTo(padded, 0);
        return padded;
    }

    /// <summary>A core sound converted to a µ-law WAV for rtp_stream (sox), and the PCM that µ-law decodes to.</summary>
    private static async Task<(string Path, short[] Samples)> MuLawWavAsync(string sound)
    {
        string dir = Directory.CreateTempSubdirectory("sb-media-wav-").FullName;
        string output = Path.Combine(dir, sound + "-ulaw.wav");
        var run = await Switchboard.TestKit.Processes.ExternalProcess.RunAsync("sox", [Path.Combine(MediaFixture.CoreSounds, sound + ".wav"), "-e", "u-law", "-b", "8", output], TimeSpan.FromSeconds(30), dir);
        Assert.True(run.ExitCode == 0, run.ToString());
        return (output, AudioCompare.ReadWav(Path.Combine(MediaFixture.CoreSounds, sound + ".wav")));
    }

    /// <summary>A scenario template with the receiver port, codec and action filled in (written to a temp file).</summary>
    private static string Template(string name, int rtpPort, string codec, int payloadType, string action)
    {
        var text = File.ReadAllText(Sipp.Scenario(name))
            .Replace("{RTP_PORT}", rtpPort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{CODEC}", codec, StringComparison.Ordinal)
            .Replace("{PT}", payloadType.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{ACTION}", action, StringComparison.Ordinal);
        var path = Path.Combine(Directory.CreateTempSubdirectory("sipp-media-").FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static void SetPause(string scenario, int milliseconds)
        => File.WriteAllText(scenario, File.ReadAllText(scenario).Replace("{PAUSE}", milliseconds.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

    private static string Users(string user) => Sipp.UsersFile([(user, "pw-" + user)]);

    private Task<int> RegisterAsync(string user) => Pbx.RegisterSippAsync(user);

    private Task<string> WaitForLogAsync(params string[] parts) => Pbx.WaitForLogAsync(TimeSpan.FromSeconds(15), parts);
}
