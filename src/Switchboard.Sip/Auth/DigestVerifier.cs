using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Auth;

/// <summary>
/// Server-side digest verification (RFC 2617 / RFC 7616 / RFC 8760): qop=auth with nc and cnonce, RFC 2069 style
/// without qop, and the sipvicious svcrack form (qop=auth announced but no nc/cnonce, response computed the RFC 2069
/// way, tools.md §4) accepted when that response matches. Comparisons are constant-time; an unknown user costs the
/// same hashing as a known one.
/// </summary>
public sealed class DigestVerifier
{
    private static readonly byte[] DummyPassword = "switchboard-no-such-user"u8.ToArray();
    private readonly IDigestNonceChecker _nonces;

    /// <summary>Creates a verifier that checks nonces with <paramref name="nonces"/>.</summary>
    public DigestVerifier(IDigestNonceChecker nonces)
    {
        ArgumentNullException.ThrowIfNull(nonces);
        _nonces = nonces;
    }

    /// <summary>
    /// Verifies <paramref name="credentials"/> for a request with <paramref name="method"/>, expecting
    /// <paramref name="realm"/>. When <paramref name="requestUri"/> is given, the credentials' uri must equal it.
    /// </summary>
    public DigestVerificationResult Verify(in DigestCredentials credentials, ReadOnlySpan<byte> method, ReadOnlySpan<byte> realm,
        IDigestSecretStore store, ReadOnlySpan<byte> requestUri = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        DigestAlgorithm algorithm = credentials.Algorithm;
        if (credentials.Username.IsEmpty || credentials.Nonce.IsEmpty || credentials.Uri.IsEmpty || credentials.UserHash
            || credentials.Response.Length != (algorithm == DigestAlgorithm.Unknown ? -1 : DigestHash.HexLength(algorithm))
            || !SipAscii.EqualsIgnoreCase(credentials.Realm.Span, realm)
            || (!requestUri.IsEmpty && !credentials.Uri.Span.SequenceEqual(requestUri)))
        {
            return DigestVerificationResult.Malformed;
        }

        bool qopAuth = SipAscii.EqualsIgnoreCase(credentials.Qop.Span, "auth"u8);
        if (!credentials.Qop.IsEmpty && !qopAuth)
        {
            return DigestVerificationResult.Malformed; // auth-int is not offered
        }

        DigestNonceValidity nonce = _nonces.Check(credentials.Nonce.Span);
        if (nonce == DigestNonceValidity.Invalid)
        {
            return DigestVerificationResult.Malformed;
        }

        Span<byte> username = stackalloc byte[256];
        int userLength = Unquote(credentials.Username.Span, username);
        if (userLength < 0)
        {
            return DigestVerificationResult.Malformed;
        }

        bool known = store.TryGetSecret(username[..userLength], realm, out DigestSecret secret);
        if (known && secret.Password.IsEmpty && (secret.Md5Ha1.Length != 32 || algorithm != DigestAlgorithm.Md5))
        {
            return DigestVerificationResult.Malformed; // an MD5 HA1 cannot answer SHA-256
        }

        bool full = qopAuth && !credentials.NonceCount.IsEmpty && !credentials.Cnonce.IsEmpty;
        bool match = Compute(credentials, algorithm, method, realm, username[..userLength], known ? secret : DigestSecret.FromPassword(DummyPassword), full);
        if (!known)
        {
            return DigestVerificationResult.UnknownUser;
        }

        if (!match)
        {
            return DigestVerificationResult.WrongPassword;
        }

        return nonce == DigestNonceValidity.Stale ? DigestVerificationResult.Stale : DigestVerificationResult.Ok;
    }

    private static bool Compute(in DigestCredentials c, DigestAlgorithm algorithm, ReadOnlySpan<byte> method, ReadOnlySpan<byte> realm,
        ReadOnlySpan<byte> username, DigestSecret secret, bool qopAuth)
    {
        Span<byte> ha1 = stackalloc byte[DigestHash.MaxHexLength];
        int ha1Length;
        if (!secret.Password.IsEmpty)
        {
            ha1Length = DigestHash.HashJoined(algorithm, ha1, username, realm, secret.Password.Span, parts: 3);
        }
        else
        {
            secret.Md5Ha1.Span.CopyTo(ha1);
            ha1Length = 32;
            for (int i = 0; i < ha1Length; i++)
            {
                ha1[i] = SipAscii.ToLower(ha1[i]);
            }
        }

        if (DigestHash.IsSess(algorithm))
        {
            Span<byte> sess = stackalloc byte[DigestHash.MaxHexLength];
            int sessLength = DigestHash.HashJoined(algorithm, sess, ha1[..ha1Length], c.Nonce.Span, c.Cnonce.Span, parts: 3);
            sess[..sessLength].CopyTo(ha1);
        }

        Span<byte> ha2 = stackalloc byte[DigestHash.MaxHexLength];
        int ha2Length = DigestHash.HashJoined(algorithm, ha2, method, c.Uri.Span);
        Span<byte> expected = stackalloc byte[DigestHash.MaxHexLength];
        int expectedLength = qopAuth
            ? DigestHash.HashJoined(algorithm, expected, ha1[..ha1Length], c.Nonce.Span, c.NonceCount.Span, c.Cnonce.Span, "auth"u8, ha2[..ha2Length], parts: 6)
            : DigestHash.HashJoined(algorithm, expected, ha1[..ha1Length], c.Nonce.Span, ha2[..ha2Length], parts: 3);
        return DigestHash.HexEquals(expected[..expectedLength], c.Response.Span);
    }

    /// <summary>Undoes quoted-pair escapes; -1 when too long.</summary>
    private static int Unquote(ReadOnlySpan<byte> s, Span<byte> dest)
    {
        int n = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (n == dest.Length)
            {
                return -1;
            }

            if (s[i] == '\\' && i + 1 < s.Length)
            {
                i++;
            }

            dest[n++] = s[i];
        }

        return n;
    }
}
