using System.Security.Cryptography;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Auth;

/// <summary>Client side: answers a received challenge with an Authorization / Proxy-Authorization header.</summary>
public static class DigestClient
{
    /// <summary>Length of a cnonce made by <see cref="WriteCnonce"/>.</summary>
    public const int CnonceLength = 32;

    /// <summary>Writes a random hex cnonce into <paramref name="destination"/>.</summary>
    public static int WriteCnonce(Span<byte> destination)
    {
        Span<byte> raw = stackalloc byte[CnonceLength / 2];
        RandomNumberGenerator.Fill(raw);
        DigestHash.ToHex(raw, destination);
        return CnonceLength;
    }

    /// <summary>Computes the response digest (hex) for the given inputs; with qop=auth when <paramref name="cnonce"/> is not empty.</summary>
    public static int ComputeResponse(DigestAlgorithm algorithm, ReadOnlySpan<byte> username, ReadOnlySpan<byte> realm, ReadOnlySpan<byte> password,
        ReadOnlySpan<byte> method, ReadOnlySpan<byte> uri, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> nc, ReadOnlySpan<byte> cnonce, Span<byte> response)
    {
        if (algorithm == DigestAlgorithm.Unknown)
        {
            throw new ArgumentOutOfRangeException(nameof(algorithm));
        }

        Span<byte> ha1 = stackalloc byte[DigestHash.MaxHexLength];
        int ha1Length = DigestHash.HashJoined(algorithm, ha1, username, realm, password, parts: 3);
        if (DigestHash.IsSess(algorithm))
        {
            Span<byte> sess = stackalloc byte[DigestHash.MaxHexLength];
            int n = DigestHash.HashJoined(algorithm, sess, ha1[..ha1Length], nonce, cnonce, parts: 3);
            sess[..n].CopyTo(ha1);
        }

        Span<byte> ha2 = stackalloc byte[DigestHash.MaxHexLength];
        int ha2Length = DigestHash.HashJoined(algorithm, ha2, method, uri);
        return cnonce.IsEmpty
            ? DigestHash.HashJoined(algorithm, response, ha1[..ha1Length], nonce, ha2[..ha2Length], parts: 3)
            : DigestHash.HashJoined(algorithm, response, ha1[..ha1Length], nonce, nc, cnonce, "auth"u8, ha2[..ha2Length], parts: 6);
    }

    /// <summary>
    /// Writes the Authorization (or Proxy-Authorization) header answering <paramref name="challenge"/>. Uses qop=auth
    /// when the challenge offers it (with <paramref name="nonceCount"/> and <paramref name="cnonce"/>), else RFC 2069.
    /// Returns false when the challenge's algorithm is not supported.
    /// </summary>
    public static bool TryWriteAuthorization(SipMessageWriter writer, in DigestChallenge challenge, bool proxy, ReadOnlySpan<byte> username,
        ReadOnlySpan<byte> password, ReadOnlySpan<byte> method, ReadOnlySpan<byte> uri, uint nonceCount, ReadOnlySpan<byte> cnonce)
    {
        DigestAlgorithm algorithm = challenge.Algorithm;
        if (algorithm == DigestAlgorithm.Unknown)
        {
            return false;
        }

        bool qop = challenge.OffersQopAuth;
        Span<byte> nc = stackalloc byte[8];
        if (qop)
        {
            Span<byte> raw = stackalloc byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(raw, nonceCount);
            DigestHash.ToHex(raw, nc);
        }

        Span<byte> response = stackalloc byte[DigestHash.MaxHexLength];
        int responseLength = ComputeResponse(algorithm, username, challenge.Realm.Span, password, method, uri, challenge.Nonce.Span,
            qop ? nc : default, qop ? cnonce : default, response);
        writer.WriteHeaderStart(proxy ? "Proxy-Authorization"u8 : "Authorization"u8);
        writer.WriteRaw("Digest username=\""u8);
        WriteQuoted(writer, username);
        writer.WriteRaw("\", realm=\""u8);
        writer.WriteRaw(challenge.Realm.Span);
        writer.WriteRaw("\", nonce=\""u8);
        writer.WriteRaw(challenge.Nonce.Span);
        writer.WriteRaw("\", uri=\""u8);
        writer.WriteRaw(uri);
        writer.WriteRaw("\", response=\""u8);
        writer.WriteRaw(response[..responseLength]);
        writer.WriteRaw("\", algorithm="u8);
        writer.WriteRaw(DigestHash.Name(algorithm));
        if (qop)
        {
            writer.WriteRaw(", qop=auth, nc="u8);
            writer.WriteRaw(nc);
            writer.WriteRaw(", cnonce=\""u8);
            writer.WriteRaw(cnonce);
            writer.WriteRaw("\""u8);
        }

        if (!challenge.Opaque.IsEmpty)
        {
            writer.WriteRaw(", opaque=\""u8);
            writer.WriteRaw(challenge.Opaque.Span);
            writer.WriteRaw("\""u8);
        }

        writer.WriteHeaderEnd();
        return true;
    }

    private static void WriteQuoted(SipMessageWriter writer, ReadOnlySpan<byte> value)
    {
        foreach (byte b in value)
        {
            if (b is (byte)'"' or (byte)'\\')
            {
                writer.WriteByte((byte)'\\');
            }

            writer.WriteByte(b);
        }
    }

    /// <summary>True when the two realms match (case-insensitive), for picking the right credentials.</summary>
    public static bool RealmEquals(in DigestChallenge challenge, ReadOnlySpan<byte> realm) => SipAscii.EqualsIgnoreCase(challenge.Realm.Span, realm);
}
