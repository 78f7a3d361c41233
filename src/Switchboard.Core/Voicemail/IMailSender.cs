using MimeKit;

namespace Switchboard.Core.Voicemail;

/// <summary>Delivers one message to the mail server; throws when the server did not accept it.</summary>
public interface IMailSender
{
    /// <summary>For logs, e.g. <c>mx.example.com:587</c>.</summary>
    string Server { get; }

    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
