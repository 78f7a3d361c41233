using System.Net;

namespace Switchboard.Core.Pjsip.Location;

/// <summary>
/// One registered contact of an AOR (a row of Asterisk's <c>pjsip show contacts</c>). Immutable; a refresh creates a
/// new instance with the same <see cref="Id"/>.
/// </summary>
public sealed record ContactBinding
{
    /// <summary>AOR name the contact belongs to.</summary>
    public required string Aor { get; init; }

    /// <summary>The contact URI to send requests to (after rewrite_contact, when configured).</summary>
    public required string Uri { get; init; }

    /// <summary>The contact URI exactly as the device registered it (binding identity per RFC 3261 §10.3).</summary>
    public required string RegisteredUri { get; init; }

    /// <summary>Endpoint that registered it.</summary>
    public required string Endpoint { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public required string CallId { get; init; }

    public required long CSeq { get; init; }

    public string? UserAgent { get; init; }

    /// <summary>Path header value (RFC 3327), if any.</summary>
    public string? Path { get; init; }

    /// <summary>Name of the transport it arrived on.</summary>
    public required string TransportName { get; init; }

    /// <summary>UDP, TCP, TLS, WS or WSS.</summary>
    public required string Protocol { get; init; }

    /// <summary>Source address of the REGISTER (where responses and requests go when rewrite_contact is on).</summary>
    public required IPEndPoint Source { get; init; }

    /// <summary>q value (0..1), 1 when absent.</summary>
    public double Q { get; init; } = 1.0;

    /// <summary>Stable identity: AOR plus a hash of the registered URI, as Asterisk's <c>aor;@hash</c>.</summary>
    public string Id => Aor + ";@" + StableHash(RegisteredUri);

    private static string StableHash(string s)
    {
        // FNV-1a 64: stable across processes (string.GetHashCode is randomised).
        ulong h = 14695981039346656037UL;
        foreach (char c in s)
        {
            h ^= c;
            h *= 1099511628211UL;
        }

        return h.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }
}
