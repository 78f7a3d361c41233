namespace Switchboard.Core.Voicemail;

/// <summary>How the SMTP connection is protected (minivm-send -P).</summary>
public enum SmtpSecurity
{
    /// <summary>Plain SMTP (-P smtp).</summary>
    None,

    /// <summary>TLS from the first byte (-P smtps or tls), usually port 465.</summary>
    SslOnConnect,

    /// <summary>STARTTLS after EHLO (-P starttls), usually port 587.</summary>
    StartTls,
}
