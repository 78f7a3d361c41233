namespace Switchboard.Config.Pjsip;

/// <summary>A <c>type=registration</c> object (outbound registration to a registrar).</summary>
public sealed record PjsipRegistration : PjsipObject
{
    /// <inheritdoc />
    public override string TypeName => "registration";

    /// <summary>Registrar URI (Request-URI of the REGISTER).</summary>
    public string ServerUri { get; init; } = string.Empty;

    /// <summary>Address of record registered (To/From).</summary>
    public string ClientUri { get; init; } = string.Empty;

    /// <summary>User part of our Contact (empty = "s").</summary>
    public string ContactUser { get; init; } = string.Empty;

    /// <summary>Outbound auth names.</summary>
    public IReadOnlyList<string> OutboundAuths { get; init; } = [];

    /// <summary>Transport name.</summary>
    public string Transport { get; init; } = string.Empty;

    /// <summary>Requested expiry in seconds.</summary>
    public int Expiration { get; init; } = 3600;

    /// <summary>Seconds between retries after a temporary failure.</summary>
    public int RetryInterval { get; init; } = 60;

    /// <summary>Seconds before retrying after 403 (0 = stop).</summary>
    public int ForbiddenRetryInterval { get; init; }

    /// <summary>Seconds before retrying after a fatal response (0 = stop).</summary>
    public int FatalRetryInterval { get; init; }

    /// <summary>Maximum retries.</summary>
    public int MaxRetries { get; init; } = 10;

    /// <summary>Treat an auth rejection as permanent.</summary>
    public bool AuthRejectionPermanent { get; init; } = true;

    /// <summary>Add a line parameter to the Contact to find the endpoint of inbound calls.</summary>
    public bool Line { get; init; }

    /// <summary>Endpoint for inbound calls matched by line.</summary>
    public string Endpoint { get; init; } = string.Empty;

    /// <summary>Outbound proxy URI.</summary>
    public string OutboundProxy { get; init; } = string.Empty;

    /// <summary>Support the Path header.</summary>
    public bool SupportPath { get; init; }
}
