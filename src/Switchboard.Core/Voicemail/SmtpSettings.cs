namespace Switchboard.Core.Voicemail;

/// <summary>Where and how voicemail e-mail is delivered (from minivm.conf mailcmd or the smtp* keys).</summary>
public sealed record SmtpSettings
{
    public string Host { get; init; } = "localhost";

    public int Port { get; init; } = 25;

    public SmtpSecurity Security { get; init; } = SmtpSecurity.None;

    public string? User { get; init; }

    public string? Password { get; init; }

    /// <summary>Envelope sender (-f); the template's fromemail when null.</summary>
    public string? EnvelopeFrom { get; init; }

    /// <summary>Accept any server certificate (tests with self-signed certificates only).</summary>
    public bool AllowInvalidCertificate { get; init; }

    public override string ToString() => $"{Host}:{Port} ({Security}{(User is null ? string.Empty : ", auth " + User)})";
}
