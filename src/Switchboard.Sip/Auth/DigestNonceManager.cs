using System.Buffers.Binary;
using System.Security.Cryptography;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Auth;

/// <summary>
/// Stateless nonces: hex of (issue time in ms, 8 random bytes, HMAC-SHA256 truncated to 16 bytes) under a key
/// made per process. They verify without being stored and expire after <see cref="Lifetime"/>.
/// </summary>
public sealed class DigestNonceManager : IDigestNonceChecker
{
    /// <summary>Length of a nonce in bytes (hex characters).</summary>
    public const int NonceLength = 64;

    private const int PayloadBytes = 16;
    private const int MacBytes = 16;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly TimeProvider _time;

    /// <summary>Creates a manager; <paramref name="lifetime"/> is how long a nonce stays fresh (e.g. 32 s).</summary>
    public DigestNonceManager(TimeProvider time, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        _time = time;
        Lifetime = lifetime;
    }

    /// <summary>How long a nonce is fresh.</summary>
    public TimeSpan Lifetime { get; }

    /// <summary>Writes a new nonce (<see cref="NonceLength"/> bytes) into <paramref name="destination"/>.</summary>
    public int WriteNonce(Span<byte> destination)
    {
        Span<byte> raw = stackalloc byte[PayloadBytes + MacBytes];
        BinaryPrimitives.WriteInt64BigEndian(raw, _time.GetUtcNow().ToUnixTimeMilliseconds());
        RandomNumberGenerator.Fill(raw.Slice(8, 8));
        Mac(raw[..PayloadBytes], raw[PayloadBytes..]);
        DigestHash.ToHex(raw, destination);
        return NonceLength;
    }

    /// <summary>Checks a nonce received in credentials.</summary>
    public DigestNonceValidity Check(ReadOnlySpan<byte> nonce)
    {
        if (nonce.Length != NonceLength)
        {
            return DigestNonceValidity.Invalid;
        }

        Span<byte> raw = stackalloc byte[PayloadBytes + MacBytes];
        for (int i = 0; i < raw.Length; i++)
        {
            byte hi = nonce[2 * i], lo = nonce[(2 * i) + 1];
            if (!SipAscii.IsHex(hi) || !SipAscii.IsHex(lo))
            {
                return DigestNonceValidity.Invalid;
            }

            raw[i] = (byte)((SipAscii.HexValue(hi) << 4) | SipAscii.HexValue(lo));
        }

        Span<byte> expected = stackalloc byte[MacBytes];
        Mac(raw[..PayloadBytes], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, raw[PayloadBytes..]))
        {
            return DigestNonceValidity.Invalid;
        }

        long issued = BinaryPrimitives.ReadInt64BigEndian(raw);
        long age = _time.GetUtcNow().ToUnixTimeMilliseconds() - issued;
        return age >= 0 && age <= (long)Lifetime.TotalMilliseconds ? DigestNonceValidity.Valid : DigestNonceValidity.Stale;
    }

    private void Mac(ReadOnlySpan<byte> payload, Span<byte> mac)
    {
        Span<byte> full = stackalloc byte[32];
        HMACSHA256.HashData(_key, payload, full);
        full[..MacBytes].CopyTo(mac);
    }
}
