using System.Globalization;
using MimeKit;
using Switchboard.Interop.Tests.Infrastructure;
using Switchboard.Interop.Tests.Media;
using Switchboard.TestKit.Processes;
using Switchboard.TestKit.Tools;

namespace Switchboard.Interop.Tests.Voicemail;

/// <summary>
/// MiniVM end to end on the seed dialplan (reference-mlan-asterisk.md §2.4 flows 4, 5 and 9): a SIPp caller reaches a
/// user without a registered device, hears the greeting, streams a known core sound (µ-law rtp_stream) after the
/// beep and hangs up; the h extension mails the recording (MinivmNotify, format wav49 = GSM in WAV, decoded by sox)
/// to a real SMTP server (aiosmtpd) through the durable outbox and deletes it (MinivmDelete).
/// </summary>
[Collection("sipp")]
public sealed class VoicemailSippTests(VoicemailFixture fixture) : IClassFixture<VoicemailFixture>
{
    private const string Sound = "tt-weasels";

    private PbxInstance Pbx => fixture.Pbx;

    /// <summary>Flow 4: greeting, recording, e-mail with voicemail.WAV of the sent audio, spool emptied.</summary>
    [SkippableFact]
    public async Task Flow4_unreachable_callee_with_mailbox_gets_the_message_by_mail()
    {
        string python = SkipUnlessTools();
        var (wav, samples) = await MuLawWavAsync(Sound);
        await using var sink = await SmtpSink.StartAsync(python, fixture.SmtpPort);
        using var rtp = new RtpReceiver();
        int greeting = DefaultGreetingMs("vicky");
        var caller = await CallAndStreamAsync(rtp, "+46701234591", wav, samples, greeting);
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);

        var mails = await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30));
        Assert.True(mails.Length == 1, $"{mails.Length} mails arrived\n" + Pbx.Output);
        using var mail = MimeMessage.Load(mails[0]);
        Assert.Equal("vicky@example.com", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Contains("X-Rcpt-To: vicky@example.com", File.ReadAllText(mails[0]), StringComparison.Ordinal);
        Assert.Equal("voicemail-noreply@example.com", Assert.Single(mail.From.Mailboxes).Address);
        Assert.Equal("[voicemail] from \"Ann Example\" <+46701234501>", mail.Subject);
        // The template's locale = sv_SE names the day and month in Swedish, as strftime does under that LC_TIME.
        Assert.Matches(@"^""Ann Example"" <\+46701234501> left you a 0:0[2-4] long message on (sön|mån|tis|ons|tors|fre|lör)dag, \d\d (januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december) 20\d\d at \d\d:\d\d:\d\d UTC, see attachment\.", mail.TextBody);

        var recorded = await AttachmentAsync(mail);
        double sent = samples.Length / 8000.0;
        double got = recorded.Length / 8000.0;
        Assert.True(Math.Abs(got - sent) <= 0.5, $"recording {got:F2} s, sent {sent:F2} s");
        Assert.True(Rms(recorded) > 500, $"recording RMS {Rms(recorded):F0}: silence");
        double r = AudioCompare.BestCorrelation(samples, recorded, maxFrameLag: 50);
        Assert.True(r > 0.8, $"recording correlates {r:F3} with the sent sound (threshold 0.8; +12 dB gain clips peaks, GSM is lossy)");

        await WaitUntilAsync(() => WavFiles("vicky").Length == 0, "the recording is deleted from the spool (MinivmDelete)");
        await WaitUntilAsync(() => Directory.GetFiles(fixture.OutboxDir, "*.eml").Length == 0, "the outbox is empty");
        await Pbx.WaitForLogAsync(TimeSpan.FromSeconds(5), "Successfully sent mail (127.0.0.1:", "vicky@example.com");
    }

    /// <summary>The mail server is down when the message is left: it stays in the outbox and is sent once the server is up.</summary>
    [SkippableFact]
    public async Task Mail_is_kept_in_the_outbox_while_the_server_is_down_and_delivered_later()
    {
        string python = SkipUnlessTools();
        var (wav, samples) = await MuLawWavAsync("hello-world");
        using var rtp = new RtpReceiver();
        var caller = await CallAndStreamAsync(rtp, "+46701234593", wav, samples, DefaultGreetingMs("xena"));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        await Pbx.WaitForLogAsync(TimeSpan.FromSeconds(20), "Sending mail via 127.0.0.1:", "failed");
        Assert.NotEmpty(Directory.GetFiles(fixture.OutboxDir, "*.eml"));
        await WaitUntilAsync(() => WavFiles("xena").Length == 0, "the recording is deleted once the mail is in the outbox");

        await using var sink = await SmtpSink.StartAsync(python, fixture.SmtpPort);
        var mails = await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(40));
        Assert.True(mails.Length == 1, $"{mails.Length} mails arrived after the server came up\n" + Pbx.Output);
        using var mail = MimeMessage.Load(mails[0]);
        Assert.Equal("xena@example.com", Assert.Single(mail.To.Mailboxes).Address);
        Assert.True(Math.Abs(((await AttachmentAsync(mail)).Length / 8000.0) - (samples.Length / 8000.0)) <= 0.5);
        await WaitUntilAsync(() => Directory.GetFiles(fixture.OutboxDir, "*.eml").Length == 0, "the outbox is empty");
    }

    /// <summary>
    /// The server refuses the recipient for good (550 to RCPT TO): the mail is given up after one attempt into the
    /// outbox's failed/ folder with the reply beside it; once the server accepts, <c>minivm retry all</c> delivers it.
    /// </summary>
    [SkippableFact]
    public async Task A_mail_refused_with_550_lands_in_failed_and_minivm_retry_delivers_it()
    {
        string python = SkipUnlessTools();
        var (wav, samples) = await MuLawWavAsync("hello-world");
        string failed = Path.Combine(fixture.OutboxDir, "failed");
        string? Reason() => Directory.Exists(failed)
            ? Array.Find(Directory.GetFiles(failed, "*.reason"), f => File.ReadAllText(f).Contains("yuri@example.com", StringComparison.Ordinal))
            : null;
        await using (var refusing = await SmtpSink.StartAsync(python, fixture.SmtpPort, rejectRecipients: "550 5.1.1 <yuri@example.com>: Recipient address rejected"))
        {
            using var rtp = new RtpReceiver();
            var caller = await CallAndStreamAsync(rtp, "+46701234594", wav, samples, DefaultGreetingMs("yuri"));
            Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
            await WaitUntilAsync(() => Reason() is not null, "the refused mail is in failed/");
            Assert.Empty(refusing.Messages());
        }

        string reasonFile = Reason()!;
        Assert.True(File.Exists(Path.ChangeExtension(reasonFile, ".eml")), "the mail is kept beside its reason");
        var reason = File.ReadAllText(reasonFile);
        Assert.Contains("Attempts: 1\n", reason, StringComparison.Ordinal);
        Assert.Contains("Permanent: yes\n", reason, StringComparison.Ordinal);
        Assert.Contains("Reply: 550 ", reason, StringComparison.Ordinal);
        Assert.Contains("Recipient address rejected", reason, StringComparison.Ordinal);
        await Pbx.WaitForLogAsync(TimeSpan.FromSeconds(5), "given up after 1 attempt(s)", "yuri@example.com");
        string listing = await Pbx.CliAsync("minivm show failed");
        Assert.Contains("yuri@example.com", listing, StringComparison.Ordinal);

        await using var sink = await SmtpSink.StartAsync(python, fixture.SmtpPort);
        string retried = await Pbx.CliAsync("minivm retry all");
        Assert.Contains("queued again", retried, StringComparison.Ordinal);
        string[] mails = [];
        await WaitUntilAsync(
            () => (mails = sink.Messages()).Any(m => File.ReadAllText(m).Contains("X-Rcpt-To: yuri@example.com", StringComparison.Ordinal)),
            "the mail is delivered after minivm retry",
            TimeSpan.FromSeconds(30));
        await WaitUntilAsync(() => Reason() is null && !Directory.GetFiles(failed, "*.eml").Any(), "failed/ is empty");
    }

    /// <summary>
    /// Flow 9: the user dials 1 (dp_ivr_recgreet) and records a temporary greeting (MinivmAccMess t); the next caller
    /// who gets no answer hears that greeting (packet count of greeting + beep) instead of the default one.
    /// </summary>
    [SkippableFact]
    public async Task Flow9_temporary_greeting_recorded_by_dialling_1_is_played_to_the_next_caller()
    {
        SkipUnlessTools();
        var (wav, samples) = await MuLawWavAsync("hello-world");
        using (var rtp = new RtpReceiver())
        {
            int prompt = SoundMs("vm-rec-temp") + SoundMs("beep");
            var action = $"""<pause milliseconds="{prompt + 1500}"/><nop><action><exec rtp_stream="{wav},1,0"/></action></nop>""";
            var scenario = CallerScenario(rtp.Port, action, (samples.Length / 8) + 600);
            var recorder = await Sipp.RunAsync(scenario, Pbx.SipPort, ["-inf", Users("walt"), "-s", "1", "-m", "1"], TimeSpan.FromSeconds(60));
            Assert.True(recorder.ExitCode == 0, "walt: " + recorder + "\n" + Pbx.Output);
        }

        string temp = Path.Combine(fixture.SpoolDir, "example.com", "walt", "temp.wav");
        await WaitUntilAsync(() => File.Exists(temp), "temp.wav is recorded in the mailbox path");
        var greeting = AudioCompare.ReadWav(temp);
        Assert.True(Math.Abs((greeting.Length / 8000.0) - (samples.Length / 8000.0)) <= 0.5, $"greeting {greeting.Length / 8000.0:F2} s");

        using var listener = new RtpReceiver();
        int expected = Frames(greeting.Length) + Frames(AudioCompare.ReadWav(Path.Combine(MediaFixture.CoreSounds, "beep.wav")).Length);
        var scenario2 = CallerScenario(listener.Port, string.Empty, (expected * 20) + 1500);
        var caller = await Sipp.RunAsync(scenario2, Pbx.SipPort, ["-inf", Users("ann"), "-s", "+46701234592", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        await listener.WaitQuietAsync(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(5));
        int heard = listener.Audio(0).Count;
        Assert.True(Math.Abs(heard - expected) <= 3, $"caller got {heard} packets, greeting + beep are {expected}");
        await Pbx.WaitForLogAsync(TimeSpan.FromSeconds(10), "MinivmGreet(\"PJSIP/ann-", "walt@example.com");
        File.Delete(temp);
    }

    /// <summary>Flow 5: a callee without a mailbox: the caller hears all of "please-try-call-later", then the PBX hangs up.</summary>
    [SkippableFact]
    public async Task Flow5_callee_without_mailbox_hears_please_try_call_later_and_is_hung_up()
    {
        SkipUnlessTools();
        using var rtp = new RtpReceiver();
        var scenario = CallerScenario(rtp.Port, string.Empty, 0, "media-uac-pbx-bye.xml");
        var caller = await Sipp.RunAsync(scenario, Pbx.SipPort, ["-inf", Users("ann"), "-s", "+46701234506", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        await rtp.WaitQuietAsync(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(5));
        int expected = Frames(AudioCompare.ReadWav(Path.Combine(MediaFixture.CoreSounds, "please-try-call-later.wav")).Length);
        int heard = rtp.Audio(0).Count;
        Assert.True(Math.Abs(heard - expected) <= 3, $"caller got {heard} packets, please-try-call-later is {expected}");
    }

    private async Task<ProcessResult> CallAndStreamAsync(RtpReceiver rtp, string number, string wav, short[] samples, int greetingMs)
    {
        var action = $"""<pause milliseconds="{greetingMs + 1500}"/><nop><action><exec rtp_stream="{wav},1,0"/></action></nop>""";
        var scenario = CallerScenario(rtp.Port, action, (samples.Length / 8) + 600);
        return await Sipp.RunAsync(scenario, Pbx.SipPort, ["-inf", Users("ann"), "-s", number, "-m", "1"], TimeSpan.FromSeconds(90));
    }

    /// <summary>MiniVM's default greeting for a mailbox without greetings: vm-theperson, the user spelled, vm-isunavail; then MinivmRecord's beep.</summary>
    private static int DefaultGreetingMs(string user)
    {
        int ms = SoundMs("vm-theperson") + SoundMs("vm-isunavail") + SoundMs("beep");
        foreach (char c in user)
        {
            ms += SoundMs("letters/" + c);
        }

        return ms;
    }

    private static int SoundMs(string name) => AudioCompare.ReadWav(Path.Combine(MediaFixture.CoreSounds, name + ".wav")).Length / 8;

    private static int Frames(int samples) => (samples + 159) / 160;

    private string[] WavFiles(string user)
    {
        string dir = Path.Combine(fixture.SpoolDir, "example.com", user, "tmp");
        return Directory.Exists(dir) ? Directory.GetFiles(dir, "*.wav") : [];
    }

    /// <summary>The voicemail.WAV attachment (GSM in WAV with format = wav49) decoded to PCM by sox.</summary>
    private static async Task<short[]> AttachmentAsync(MimeMessage mail)
    {
        var part = Assert.Single(mail.Attachments.OfType<MimePart>());
        Assert.Equal("voicemail.WAV", part.FileName);
        string dir = Directory.CreateTempSubdirectory("sb-vm-att-").FullName;
        string path = Path.Combine(dir, "voicemail.wav");
        using (var f = File.Create(path))
        {
            Assert.NotNull(part.Content);
            part.Content!.DecodeTo(f);
        }

        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal(0x31, BitConverter.ToUInt16(bytes, 20)); // WAVE_FORMAT_GSM610 (wav49)
        string pcm = Path.Combine(dir, "pcm.wav");
        var run = await ExternalProcess.RunAsync("sox", [path, "-e", "signed-integer", "-b", "16", pcm], TimeSpan.FromSeconds(30), dir);
        Assert.True(run.ExitCode == 0, "sox cannot read the attachment: " + run);
        return AudioCompare.ReadWav(pcm);
    }

    private static double Rms(short[] s)
    {
        double sum = 0;
        foreach (var v in s)
        {
            sum += (double)v * v;
        }

        return s.Length == 0 ? 0 : Math.Sqrt(sum / s.Length);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting until " + what);
            await Task.Delay(100);
        }
    }

    private static string SkipUnlessTools()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        Skip.IfNot(MediaFixture.SoundsAvailable, "asterisk-core-sounds-en-wav is not installed");
        Skip.IfNot(ExternalTool.Exists("sox"), "sox is not installed");
        string? python = SmtpSink.Python;
        Skip.If(python is null, "python3-aiosmtpd is not installed");
        return python!;
    }

    /// <summary>media-uac-caller-bye.xml (PCMU) with the receiver port, the action and the pause before BYE filled in.</summary>
    internal static string CallerScenario(int rtpPort, string action, int pauseMs, string name = "media-uac-caller-bye.xml")
    {
        var text = File.ReadAllText(Sipp.Scenario(name))
            .Replace("{RTP_PORT}", rtpPort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{CODEC}", "PCMU", StringComparison.Ordinal)
            .Replace("{PT}", "0", StringComparison.Ordinal)
            .Replace("{ACTION}", action, StringComparison.Ordinal)
            .Replace("{PAUSE}", pauseMs.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var path = Path.Combine(Directory.CreateTempSubdirectory("sipp-vm-").FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A core sound converted to a µ-law WAV for rtp_stream (sox), and the PCM that µ-law decodes to.</summary>
    internal static async Task<(string Path, short[] Samples)> MuLawWavAsync(string sound)
    {
        string dir = Directory.CreateTempSubdirectory("sb-vm-wav-").FullName;
        string output = Path.Combine(dir, sound + "-ulaw.wav");
        var run = await ExternalProcess.RunAsync("sox", [Path.Combine(MediaFixture.CoreSounds, sound + ".wav"), "-e", "u-law", "-b", "8", output], TimeSpan.FromSeconds(30), dir);
        Assert.True(run.ExitCode == 0, run.ToString());
        return (output, AudioCompare.ReadWav(Path.Combine(MediaFixture.CoreSounds, sound + ".wav")));
    }

    private static string Users(string user) => Sipp.UsersFile([(user, "pw-" + user)]);
}
