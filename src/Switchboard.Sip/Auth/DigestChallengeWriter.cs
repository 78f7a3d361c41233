using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Auth;

/// <summary>Writes WWW-Authenticate / Proxy-Authenticate Digest challenges (qop="auth").</summary>
public static class DigestChallengeWriter
{
    /// <summary>
    /// Writes one challenge header. RFC 8760 §2.4: offer SHA-256 first and MD5 after it by calling this once per
    /// algorithm with the same nonce. <paramref name="stale"/> adds stale=true (RFC 7616 §3.3).
    /// </summary>
    public static void Write(SipMessageWriter writer, bool proxy, ReadOnlySpan<byte> realm, DigestAlgorithm algorithm,
        ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> opaque = default, bool stale = false)
    {
        if (algorithm == DigestAlgorithm.Unknown)
        {
            throw new ArgumentOutOfRangeException(nameof(algorithm));
        }

        writer.WriteHeaderStart(proxy ? "Proxy-Authenticate"u8 : "WWW-Authenticate"u8);
        writer.WriteRaw("Digest realm=\""u8);
        writer.WriteRaw(realm);
        writer.WriteRaw("\", nonce=\""u8);
        writer.WriteRaw(nonce);
        writer.WriteRaw("\""u8);
        if (!opaque.IsEmpty)
        {
            writer.WriteRaw(", opaque=\""u8);
            writer.WriteRaw(opaque);
            writer.WriteRaw("\""u8);
        }

        writer.WriteRaw(", algorithm="u8);
        writer.WriteRaw(DigestHash.Name(algorithm));
        writer.WriteRaw(", qop=\"auth\""u8);
        if (stale)
        {
            writer.WriteRaw(", stale=true"u8);
        }

        writer.WriteHeaderEnd();
    }
}
