namespace Switchboard.Tls;

/// <summary>Settings of <see cref="TlsCertificateManager"/> (from the environment and the data layout).</summary>
internal sealed record TlsOptions
{
    public required string CertFile { get; init; }

    public required string KeyFile { get; init; }

    public required string HostName { get; init; }

    public string? Domain { get; init; }

    public int KeyBits { get; init; } = 2048;

    public int CertDays { get; init; } = 30;

    /// <summary>Traefik acme.json; null disables ACME.</summary>
    public string? AcmeFile { get; init; }

    /// <summary>Command run after a new ACME certificate; null = none.</summary>
    public string? AcmePostHook { get; init; }

    /// <summary>How often the renewal of the self-signed certificate is checked.</summary>
    public TimeSpan RenewalCheckInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How often watched files are re-hashed when no file event arrived.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(300);

    public TimeSpan PostHookTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
