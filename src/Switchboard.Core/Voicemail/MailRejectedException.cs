namespace Switchboard.Core.Voicemail;

/// <summary>
/// The mail server answered a command (MAIL, RCPT, DATA ...) with an error reply. A 5xx reply is permanent: sending the
/// same message again will not help, so the outbox moves it to its dead-letter folder instead of retrying.
/// </summary>
public sealed class MailRejectedException : Exception
{
    public MailRejectedException()
    {
        Reply = string.Empty;
    }

    public MailRejectedException(string message)
        : base(message)
    {
        Reply = message;
    }

    public MailRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reply = message;
    }

    public MailRejectedException(int statusCode, string reply, Exception? innerException = null)
        : base($"{statusCode} {reply}", innerException)
    {
        StatusCode = statusCode;
        Reply = reply;
    }

    /// <summary>The SMTP reply code (550 ...); 0 when unknown.</summary>
    public int StatusCode { get; }

    /// <summary>The server's text.</summary>
    public string Reply { get; }

    /// <summary>True for 5xx replies.</summary>
    public bool Permanent => StatusCode is >= 500 and < 600;
}
