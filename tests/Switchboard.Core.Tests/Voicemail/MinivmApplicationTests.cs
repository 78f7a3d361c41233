using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;
using Switchboard.Core.Voicemail;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Loading;

namespace Switchboard.Core.Tests.Voicemail;

/// <summary>
/// The MiniVM applications run by the dialplan engine, each case named after its page in the Asterisk documentation
/// (Dialplan_Applications/MinivmRecord ...), in the shape PrivateDial's sub_voicemail uses them.
/// </summary>
public sealed class MinivmApplicationTests : IDisposable
{
    private const string MiniVm = """
        [general]
        mailcmd = minivm-send -H 127.0.0.1:2525 -P smtp
        minmessage = 1

        [template-en_US_email]
        fromemail = vm@example.com
        subject = [voicemail] from ${MVM_CALLERID}
        messagebody = ${MVM_CALLERID} left you a ${MVM_DUR} long message
        """;

    /// <summary>sub_voicemail's record step and h extension (reference §2.2).</summary>
    private const string SubVoicemail = """
        [vm]
        exten => s,1,Set(mailboxes=vicky@example.com)
         same => n,MinivmGreet(${mailboxes},s)
         same => n,MinivmRecord(${mailboxes},g(12))
         same => n,Hangup()
        exten => h,1,Goto(recd-${MVM_RECORD_STATUS})
         same => n(recd-SUCCESS),Goto(notify)
         same => n(recd-USEREXIT),Goto(notify)
         same => n(recd-FAILED),Hangup()
         same => n(recd-),Hangup()
         same => n(notify),MinivmNotify(${mailboxes},en_US_email)
         same => n,ExecIf($["${MVM_NOTIFY_STATUS}" = "SUCCESS"]?MinivmDelete())
         same => n,Hangup()

        [menu]
        exten => 1,1,Set(mailboxes=walt@example.com)
         same => n,Set(path=${MINIVMACCOUNT(${mailboxes}:path)})
         same => n,MinivmAccMess(${mailboxes},t)
         same => n,Set(GREETSTATUS=${MVM_ACCMESS_STATUS})
         same => n,Hangup()

        [rec]
        exten => s,1,Record(msg-%d.wav,3,20,q)
         same => n,Set(RS=${RECORD_STATUS})
         same => n,Hangup()
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("sb-vm-apps-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 1, 15, 10, 30, 0, TimeSpan.Zero));
    private readonly VoicemailService _service;
    private readonly DialplanEngine _engine;

    public MinivmApplicationTests()
    {
        var bag = new DiagnosticBag();
        _service = VoicemailService.Create(ConfParser.ParseText("minivm.conf", MiniVm, bag), Path.Combine(_dir, "voicemail"), Path.Combine(_dir, "outbox"), Path.Combine(_dir, "rec"), NullLoggerFactory.Instance, _time);
        _engine = new DialplanEngine(time: _time, logger: NullLogger.Instance);
        _service.Register(_engine);
        var doc = ConfParser.ParseText("extensions.conf", SubVoicemail, bag);
        _engine.Publish(DialplanLoader.Load(doc, bag, new DialplanLoadOptions { IsKnownApplication = _engine.Applications.Contains }));
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
    }

    private string Spool(string user) => Path.Combine(_dir, "voicemail", "example.com", user);

    [Fact]
    public async Task MinivmGreet_plays_the_default_greeting_and_MinivmRecord_records_after_a_beep()
    {
        var ch = new RecordingFakeChannel { RecordEnd = '#' };
        await _engine.RunAsync(ch, "vm", "s");
        Assert.Equal(["Answer", "Play:vm-theperson", "Play:letters/v", "Play:letters/i", "Play:letters/c", "Play:letters/k", "Play:letters/y", "Play:vm-isunavail", "Play:beep", "Record:msg-1700000000.7.wav"], ch.Log.Take(10));
        var request = Assert.Single(ch.Recordings);
        Assert.Equal(12, request.GainDb);
        Assert.Contains("#", request.StopDigits, StringComparison.Ordinal);
        Assert.Equal("SUCCESS", ch.Variables.Get("MVM_RECORD_STATUS"));
        Assert.Equal("2", ch.Variables.Get("MVM_DURATION"));
        Assert.Equal("SUCCESS", ch.Variables.Get("MVM_GREET_STATUS"));
    }

    [Fact]
    public async Task MinivmGreet_prefers_a_recorded_temporary_greeting_and_without_s_gives_instructions()
    {
        Directory.CreateDirectory(Spool("vicky"));
        await File.WriteAllBytesAsync(Path.Combine(Spool("vicky"), "temp.wav"), []);
        var ch = new RecordingFakeChannel();
        var ctx = new DialplanContext(_engine, ch, "vm", "s");
        Assert.True(_engine.Applications.TryGet("MinivmGreet", out var greet));
        await greet.ExecuteAsync(ctx, "vicky@example.com", CancellationToken.None);
        Assert.Equal(["Answer", "Play:" + Path.Combine(Spool("vicky"), "temp"), "Play:vm-intro"], ch.Log);
    }

    [Fact]
    public async Task Hangup_during_MinivmRecord_mails_the_message_in_the_h_extension_and_deletes_the_recording()
    {
        var ch = new RecordingFakeChannel { RecordEnd = 'h', RecordSeconds = 3 };
        var reason = await _engine.RunAsync(ch, "vm", "s");
        Assert.Equal(DialplanExitReason.HungUp, reason);
        Assert.Equal("SUCCESS", ch.Variables.Get("MVM_NOTIFY_STATUS"));
        Assert.Equal("SUCCESS", ch.Variables.Get("MVM_DELETE_STATUS"));
        Assert.False(File.Exists(ch.Variables.Get("MVM_FILENAME")), "MinivmDelete removed the recording");
        var eml = Assert.Single(Directory.GetFiles(Path.Combine(_dir, "outbox"), "*.eml"));
        using var mail = MimeMessage.Load(eml);
        Assert.Equal("vicky@example.com", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("[voicemail] from \"Ann Example\" <+46701234501>", mail.Subject);
        Assert.Equal("\"Ann Example\" <+46701234501> left you a 0:03 long message", mail.TextBody);
        var wav = Assert.Single(mail.Attachments.OfType<MimePart>());
        using var data = new MemoryStream();
        wav.Content!.DecodeTo(data);
        Assert.Equal(44 + (3 * 8000 * 2), data.Length);
        // +12 dB: the 4000 tone peaks near 4000 * 3.98.
        short peak = 0;
        var bytes = data.ToArray();
        for (int i = 44; i < bytes.Length; i += 2)
        {
            peak = Math.Max(peak, BitConverter.ToInt16(bytes, i));
        }

        Assert.InRange(peak, 15000, 16000);
    }

    [Fact]
    public async Task A_message_shorter_than_minmessage_is_discarded_and_not_mailed()
    {
        var ch = new RecordingFakeChannel { RecordEnd = 'h', RecordSeconds = 0.5 };
        await _engine.RunAsync(ch, "vm", "s");
        Assert.Equal("FAILED", ch.Variables.Get("MVM_RECORD_STATUS"));
        Assert.Null(ch.Variables.Get("MVM_NOTIFY_STATUS"));
        Assert.Empty(Directory.GetFiles(Path.Combine(_dir, "outbox"), "*.eml"));
        Assert.Empty(Directory.GetFiles(Path.Combine(Spool("vicky"), "tmp")));
    }

    [Fact]
    public async Task MinivmNotify_fails_for_an_unknown_template_and_MinivmDelete_then_keeps_the_file()
    {
        var ch = new RecordingFakeChannel();
        string file = Path.Combine(Spool("vicky"), "tmp", "x.wav");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, new byte[100]);
        ch.Variables.Set("MVM_FILENAME", file);
        var ctx = new DialplanContext(_engine, ch, "vm", "s");
        Assert.True(_engine.Applications.TryGet("MinivmNotify", out var notify));
        await notify.ExecuteAsync(ctx, "vicky@example.com,nosuch", CancellationToken.None);
        Assert.Equal("FAILED", ch.Variables.Get("MVM_NOTIFY_STATUS"));
        Assert.True(File.Exists(file));
    }

    [Fact]
    public async Task MinivmDelete_refuses_files_outside_the_spool()
    {
        string outside = Path.Combine(_dir, "precious.wav");
        await File.WriteAllBytesAsync(outside, [1]);
        var ch = new RecordingFakeChannel();
        var ctx = new DialplanContext(_engine, ch, "vm", "s");
        Assert.True(_engine.Applications.TryGet("MinivmDelete", out var delete));
        await delete.ExecuteAsync(ctx, outside, CancellationToken.None);
        Assert.Equal("FAILED", ch.Variables.Get("MVM_DELETE_STATUS"));
        Assert.True(File.Exists(outside));
    }

    [Fact]
    public async Task MinivmAccMess_t_records_the_temporary_greeting_into_the_mailbox_path()
    {
        var ch = new RecordingFakeChannel { RecordEnd = '#', RecordSeconds = 1.5 };
        await _engine.RunAsync(ch, "menu", "1");
        Assert.Equal(Spool("walt"), ch.Variables.Get("path"));
        Assert.Equal("SUCCESS", ch.Variables.Get("GREETSTATUS"));
        Assert.Equal(["Answer", "Play:vm-rec-temp", "Play:beep", "Record:temp.new.wav"], ch.Log.Take(4));
        string temp = Path.Combine(Spool("walt"), "temp.wav");
        Assert.True(File.Exists(temp));
        Assert.False(File.Exists(Path.Combine(Spool("walt"), "temp.new.wav")));
        Assert.Equal(44 + (12000 * 2), new FileInfo(temp).Length);
    }

    [Theory]
    [InlineData("path", "")]
    [InlineData("hasaccount", "0")]
    [InlineData("email", "vicky@example.com")]
    [InlineData("fullname", "vicky")]
    [InlineData("etemplate", "email-default")]
    public void MINIVMACCOUNT_items_of_a_temporary_account(string item, string expected)
    {
        var ctx = new DialplanContext(_engine, new RecordingFakeChannel(), "vm", "s");
        var r = ctx.ReadFunction("MINIVMACCOUNT", "vicky@example.com:" + item);
        Assert.True(r.Success, r.Error);
        Assert.Equal(item == "path" ? Spool("vicky") : expected, r.Value);
        if (item == "path")
        {
            Assert.True(Directory.Exists(Spool("vicky")));
        }
    }

    [Theory]
    [InlineData('#', "DTMF")]
    [InlineData('h', "HANGUP")]
    public async Task Record_sets_RECORD_STATUS_and_numbers_the_file(char end, string status)
    {
        var ch = new RecordingFakeChannel { RecordEnd = end };
        await _engine.RunAsync(ch, "rec", "s");
        Assert.Equal(status, ch.Variables.Get("RS") ?? ch.Variables.Get("RECORD_STATUS"));
        var request = Assert.Single(ch.Recordings);
        Assert.Equal(Path.Combine(_dir, "rec", "msg-0.wav"), request.Path);
        Assert.Equal(TimeSpan.FromSeconds(3), request.Silence);
        Assert.Equal(TimeSpan.FromSeconds(20), request.MaxDuration);
        Assert.DoesNotContain("Play:beep", ch.Log);
        Assert.Equal(Path.Combine(_dir, "rec", "msg-0"), ch.Variables.Get("RECORDED_FILE"));
    }

    public void Dispose()
    {
        _service.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_dir, recursive: true);
    }
}
