namespace Switchboard.Config.Pjsip;

/// <summary>A <c>type=aor</c> object (address of record).</summary>
public sealed record PjsipAor : PjsipObject
{
    /// <inheritdoc />
    public override string TypeName => "aor";

    /// <summary>Maximum registered contacts (0 = registration not allowed).</summary>
    public int MaxContacts { get; init; }

    /// <summary>Drop the oldest contact when <see cref="MaxContacts"/> is reached.</summary>
    public bool RemoveExisting { get; init; }

    /// <summary>Drop unavailable contacts first when <see cref="MaxContacts"/> is reached.</summary>
    public bool RemoveUnavailable { get; init; }

    /// <summary>Minimum accepted registration expiry in seconds.</summary>
    public int MinimumExpiration { get; init; } = 60;

    /// <summary>Maximum accepted registration expiry in seconds.</summary>
    public int MaximumExpiration { get; init; } = 7200;

    /// <summary>Expiry used when the REGISTER has none.</summary>
    public int DefaultExpiration { get; init; } = 3600;

    /// <summary>Seconds between OPTIONS qualify probes (0 = off).</summary>
    public int QualifyFrequency { get; init; }

    /// <summary>Seconds to wait for a qualify answer.</summary>
    public double QualifyTimeout { get; init; } = 3.0;

    /// <summary>Authenticate qualify probes.</summary>
    public bool AuthenticateQualify { get; init; }

    /// <summary>Static contact URIs (contact=, repeated or comma list).</summary>
    public IReadOnlyList<string> Contacts { get; init; } = [];

    /// <summary>Mailboxes for MWI.</summary>
    public IReadOnlyList<string> Mailboxes { get; init; } = [];

    /// <summary>Outbound proxy URI.</summary>
    public string OutboundProxy { get; init; } = string.Empty;

    /// <summary>Support the Path header (RFC 3327).</summary>
    public bool SupportPath { get; init; }

    /// <summary>Voicemail extension for MWI.</summary>
    public string VoicemailExtension { get; init; } = string.Empty;
}
