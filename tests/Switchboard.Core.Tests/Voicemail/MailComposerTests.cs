using MimeKit;
using Switchboard.Core.Voicemail;
using Switchboard.Media.Players;

namespace Switchboard.Core.Tests.Voicemail;

/// <summary>The notification e-mail: ${MVM_*} in subject and body, the sender, voicemail.WAV attached.</summary>
public sealed class MailComposerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sb-vm-mail-").FullName;

    [Fact]
    public void Template_text_substitutes_variables_and_escapes()
    {
        string text = TemplateText.Render(@"Hi ${NAME},\n\tyou have ${COUNT} ${MISSING}message\\s", n => n switch { "NAME" => "Ann", "COUNT" => "2", _ => null });
        Assert.Equal("Hi Ann,\n\tyou have 2 message\\s", text);
        Assert.Equal("unterminated ${X", TemplateText.Render("unterminated ${X", _ => "v"));
    }

    [Theory]
    [InlineData(0, "0:00")]
    [InlineData(7.4, "0:07")]
    [InlineData(65, "1:05")]
    public void Duration_is_minutes_and_seconds(double seconds, string expected)
        => Assert.Equal(expected, MailComposer.FormatDuration(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Message_is_composed_from_the_privatedial_template()
    {
        string wav = Path.Combine(_dir, "msg.wav");
        using (var w = new WavWriter(wav))
        {
            w.Write(new short[8000 * 3]);
        }

        Assert.True(Mailbox.TryParse("john.doe@example.com", out var box, out _));
        var template = new MiniVmTemplate
        {
            Name = "en_US_email",
            FromEmail = "voicemail-noreply@example.com",
            FromAddress = "voicemail",
            Subject = "[voicemail] from ${MVM_CALLERID}",
            MessageBody = "${MVM_CALLERID} left you a ${MVM_DUR} long message on ${MVM_DATE} UTC, see attachment.",
            Charset = "iso-8859-1",
            DateFormat = "%A, %d %B %Y at %H:%M:%S",
        };
        using var mail = MailComposer.Compose(new VoicemailMessage
        {
            Account = MiniVmAccount.Temporary(box),
            Template = template,
            RecordingPath = wav,
            Duration = TimeSpan.FromSeconds(3),
            CallerIdName = "Åsa Example",
            CallerIdNumber = "+46701234501",
            Time = new DateTimeOffset(2024, 1, 15, 10, 30, 5, TimeSpan.Zero),
            Zone = TimeZoneInfo.Utc,
        });

        Assert.Equal("[voicemail] from \"Åsa Example\" <+46701234501>", mail.Subject);
        Assert.Equal("john.doe@example.com", Assert.Single(mail.To.Mailboxes).Address);
        var from = Assert.Single(mail.From.Mailboxes);
        Assert.Equal(("voicemail", "voicemail-noreply@example.com"), (from.Name, from.Address));
        Assert.Equal("\"Åsa Example\" <+46701234501> left you a 0:03 long message on Monday, 15 January 2024 at 10:30:05 UTC, see attachment.", mail.TextBody);
        var text = Assert.IsType<TextPart>(mail.BodyParts.First());
        Assert.Equal("iso-8859-1", text.ContentType.Charset);
        var attachment = Assert.Single(mail.Attachments.OfType<MimePart>());
        Assert.Equal("voicemail.WAV", attachment.FileName);
        Assert.Equal("audio/x-wav", attachment.ContentType.MimeType);
        using var decoded = new MemoryStream();
        attachment.Content!.DecodeTo(decoded);
        Assert.Equal(File.ReadAllBytes(wav), decoded.ToArray());
        Assert.Equal("3", mail.Headers["X-Asterisk-VM-Duration"]);
    }

    [Fact]
    public void Without_attachmedia_the_mail_has_only_text()
    {
        Assert.True(Mailbox.TryParse("a@example.com", out var box, out _));
        using var mail = MailComposer.Compose(new VoicemailMessage
        {
            Account = MiniVmAccount.Temporary(box),
            Template = new MiniVmTemplate { AttachMedia = false },
            RecordingPath = "/nonexistent.wav",
            CallerIdNumber = "100",
        });
        Assert.Empty(mail.Attachments);
        Assert.Contains("from 100", mail.Subject, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
