using System.Globalization;
using System.Text;
using MimeKit;

namespace Switchboard.Core.Voicemail;

/// <summary>Builds the notification e-mail of a voicemail from its template: subject and body with ${MVM_*} filled, voicemail.WAV attached.</summary>
public static class MailComposer
{
    public const string AttachmentName = "voicemail.WAV";

    /// <summary>The template variables Asterisk's MiniVM sets for a message.</summary>
    public static string? Variable(VoicemailMessage m, string name)
    {
        string callerId = CallerId(m);
        return name switch
        {
            "MVM_NAME" => m.Account.FullName,
            "MVM_DUR" => FormatDuration(m.Duration),
            "MVM_DURATION" => ((int)Math.Round(m.Duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
            "MVM_DOMAIN" => m.Account.Mailbox.Domain,
            "MVM_USERNAME" => m.Account.Mailbox.User,
            "MVM_CALLERID" => callerId,
            "MVM_CIDNAME" => m.CallerIdName,
            "MVM_CIDNUM" => m.CallerIdNumber,
            "MVM_DATE" => FormatDate(m),
            "MVM_MESSAGEFILE" => m.RecordingPath ?? string.Empty,
            _ => m.ExtraVariables?.Invoke(name),
        };
    }

    public static MimeMessage Compose(VoicemailMessage m)
    {
        string? Lookup(string name) => Variable(m, name);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(TemplateText.Render(m.Template.FromAddress, Lookup), m.Template.FromEmail));
        message.To.Add(new MailboxAddress(m.Account.FullName, m.Account.EffectiveEmail));
        message.Subject = TemplateText.Render(m.Template.Subject, Lookup);
        message.Date = MiniVmDate.InZone(m.Time, m.Zone).Local;
        message.Headers.Add("X-Asterisk-VM-Duration", ((int)Math.Round(m.Duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
        message.Headers.Add("X-Asterisk-VM-Caller-ID-Num", m.CallerIdNumber);
        message.Headers.Add("X-Asterisk-VM-Caller-ID-Name", m.CallerIdName);
        var encoding = CharsetOf(m.Template.Charset);
        var body = new TextPart("plain");
        body.SetText(encoding, TemplateText.Render(m.Template.MessageBody, Lookup));
        if (!m.Template.AttachMedia || m.RecordingPath is null || !File.Exists(m.RecordingPath))
        {
            message.Body = body;
            return message;
        }

        byte[] audio = m.Format == "wav49" && Wav49Encoder.TryEncode(m.RecordingPath, out var gsm, out _) ? gsm : File.ReadAllBytes(m.RecordingPath);
        var attachment = new MimePart("audio", "x-wav")
        {
            Content = new MimeContent(new MemoryStream(audio)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = AttachmentName,
        };
        message.Body = new Multipart("mixed") { body, attachment };
        return message;
    }

    /// <summary>${MVM_DATE}: the message time in the account's zone, in the template's dateformat and locale.</summary>
    public static string FormatDate(VoicemailMessage m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var (local, zone) = MiniVmDate.InZone(m.Time, m.Zone);
        return MiniVmDate.Format(local, m.Template.DateFormat, m.Template.Locale, zone);
    }

    /// <summary>minutes:seconds as MiniVM writes ${MVM_DUR}.</summary>
    public static string FormatDuration(TimeSpan d)
    {
        int s = (int)Math.Round(d.TotalSeconds);
        return string.Create(CultureInfo.InvariantCulture, $"{s / 60}:{s % 60:00}");
    }

    private static string CallerId(VoicemailMessage m)
    {
        if (m.CallerIdName.Length > 0 && m.CallerIdNumber.Length > 0)
        {
            return $"\"{m.CallerIdName}\" <{m.CallerIdNumber}>";
        }

        return m.CallerIdNumber.Length > 0 ? m.CallerIdNumber : m.CallerIdName.Length > 0 ? m.CallerIdName : "an unknown caller";
    }

    private static Encoding CharsetOf(string charset)
    {
        try
        {
            return charset.Trim().ToLowerInvariant() switch
            {
                "iso-8859-1" or "latin1" or "iso8859-1" => Encoding.Latin1,
                "us-ascii" or "ascii" => Encoding.ASCII,
                _ => Encoding.GetEncoding(charset.Trim()),
            };
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }
}
