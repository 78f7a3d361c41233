using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Switchboard.Core.Voicemail;

/// <summary>
/// Sends with MailKit's SMTP client (no shell, no sendmail): STARTTLS or TLS on connect, optional AUTH; certificates
/// are verified unless the configuration says otherwise. A refused command is reported as <see cref="MailRejectedException"/>
/// with the server's reply code.
/// </summary>
public sealed class SmtpMailSender(SmtpSettings settings) : IMailSender
{
    public string Server => $"{settings.Host}:{settings.Port}";

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await SendCoreAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (SmtpCommandException ex)
        {
            // The server refused MAIL, RCPT or DATA: say which reply, so that the outbox can tell 4xx from 5xx.
            throw new MailRejectedException((int)ex.StatusCode, ex.Message, ex);
        }
    }

    private async Task SendCoreAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = 60_000 };
        if (settings.AllowInvalidCertificate)
        {
            client.ServerCertificateValidationCallback = static (_, _, _, _) => true;
        }

        var options = settings.Security switch
        {
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.None,
        };
        await client.ConnectAsync(settings.Host, settings.Port, options, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(settings.User))
        {
            await client.AuthenticateAsync(settings.User, settings.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
        }

        var sender = settings.EnvelopeFrom is { Length: > 0 } from ? new MailboxAddress(string.Empty, from) : message.From.Mailboxes.FirstOrDefault();
        var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes).ToList();
        if (sender is null)
        {
            await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await client.SendAsync(message, sender, recipients, cancellationToken).ConfigureAwait(false);
        }

        await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
    }
}
