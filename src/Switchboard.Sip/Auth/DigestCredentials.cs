using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Auth;

/// <summary>
/// Digest credentials from an Authorization / Proxy-Authorization value (RFC 2617 §3.2.2, RFC 7616 §3.4, RFC 3261
/// §22.4). Values are slices without quotes (quoted-pair escapes not undone).
/// </summary>
public readonly struct DigestCredentials
{
    public ReadOnlyMemory<byte> Username { get; init; }
    public ReadOnlyMemory<byte> Realm { get; init; }
    public ReadOnlyMemory<byte> Nonce { get; init; }
    public ReadOnlyMemory<byte> Uri { get; init; }
    public ReadOnlyMemory<byte> Response { get; init; }
    public ReadOnlyMemory<byte> Cnonce { get; init; }
    public ReadOnlyMemory<byte> Opaque { get; init; }
    public ReadOnlyMemory<byte> Qop { get; init; }
    public ReadOnlyMemory<byte> NonceCount { get; init; }
    public ReadOnlyMemory<byte> AlgorithmName { get; init; }

    /// <summary>The algorithm (MD5 when absent).</summary>
    public DigestAlgorithm Algorithm => DigestHash.Parse(AlgorithmName.Span);

    /// <summary>True when the username was sent hashed (RFC 7616 userhash=true); not supported for SIP.</summary>
    public bool UserHash { get; init; }

    /// <summary>
    /// Parses a Digest credentials value. False for other schemes (e.g. RFC 4475 §3.3.7 <c>NoOneKnowsThisScheme</c>)
    /// and for malformed parameter lists; the caller then challenges again.
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, out DigestCredentials credentials)
    {
        credentials = default;
        ReadOnlySpan<byte> s = value.Span;
        DigestParameterReader reader = new(s, out ReadOnlySpan<byte> scheme);
        if (!SipAscii.EqualsIgnoreCase(scheme, "Digest"u8))
        {
            return false;
        }

        ReadOnlyMemory<byte> username = default, realm = default, nonce = default, uri = default, response = default;
        ReadOnlyMemory<byte> cnonce = default, opaque = default, qop = default, nc = default, algorithm = default;
        bool userhash = false;
        while (reader.Next(out int ns, out int nl, out int vs, out int vl, out _))
        {
            ReadOnlySpan<byte> name = s.Slice(ns, nl);
            ReadOnlyMemory<byte> v = value.Slice(vs, vl);
            if (SipAscii.EqualsIgnoreCase(name, "username"u8))
            {
                username = v;
            }
            else if (SipAscii.EqualsIgnoreCase(name, "realm"u8))
            {
                realm = v;
            }
            else if (SipAscii.EqualsIgnoreCase(name, "nonce"u8))
            {
                nonce = v;
            }
            else if (SipAscii.EqualsIgnoreCase(name, "uri"u8))
            {
                uri = v;
            }
            else if (SipAscii.EqualsIgnoreCase(name, "response"u8))
            {
                response = v;
            }
            else if (SipAscii.EqualsIgnoreCase(name, "cnonce"u8))
            {
                cnonce = v;
            }
            else if (SipAscii.EqualsIgnoreCase(name, "opaque"u8))
            {
                opaque = v;
            }
            else if (SipAscii.EqualsIgnoreCase(name, "qop"u8))
            {
                qop = v;
            }
            else if (SipAscii.EqualsIgnoreCase(name, "nc"u8))
            {
                nc = v;
            }
            else if (SipAscii.EqualsIgnoreCase(name, "algorithm"u8))
            {
                algorithm = v;
            }
            else if (SipAscii.EqualsIgnoreCase(name, "userhash"u8))
            {
                userhash = SipAscii.EqualsIgnoreCase(v.Span, "true"u8);
            }
        }

        if (reader.Malformed)
        {
            return false;
        }

        credentials = new DigestCredentials
        {
            Username = username, Realm = realm, Nonce = nonce, Uri = uri, Response = response, Cnonce = cnonce,
            Opaque = opaque, Qop = qop, NonceCount = nc, AlgorithmName = algorithm, UserHash = userhash,
        };
        return true;
    }
}
