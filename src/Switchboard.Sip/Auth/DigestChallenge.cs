using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Auth;

/// <summary>A Digest challenge from WWW-Authenticate / Proxy-Authenticate (client side).</summary>
public readonly struct DigestChallenge
{
    public ReadOnlyMemory<byte> Realm { get; init; }
    public ReadOnlyMemory<byte> Nonce { get; init; }
    public ReadOnlyMemory<byte> Opaque { get; init; }
    public ReadOnlyMemory<byte> AlgorithmName { get; init; }

    /// <summary>The raw qop-options list (e.g. <c>auth,auth-int</c>).</summary>
    public ReadOnlyMemory<byte> QopOptions { get; init; }

    /// <summary>True when stale=true: retry with the new nonce without asking the user again.</summary>
    public bool Stale { get; init; }

    /// <summary>The algorithm (MD5 when absent).</summary>
    public DigestAlgorithm Algorithm => DigestHash.Parse(AlgorithmName.Span);

    /// <summary>True when qop-options offer <c>auth</c>.</summary>
    public bool OffersQopAuth
    {
        get
        {
            foreach (Range r in QopOptions.Span.Split((byte)','))
            {
                if (SipAscii.EqualsIgnoreCase(SipAscii.TrimLws(QopOptions.Span[r]), "auth"u8))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Parses a Digest challenge; false for other schemes or malformed values.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, out DigestChallenge challenge)
    {
        challenge = default;
        ReadOnlySpan<byte> s = value.Span;
        DigestParameterReader reader = new(s, out ReadOnlySpan<byte> scheme);
        if (!SipAscii.EqualsIgnoreCase(scheme, "Digest"u8))
        {
            return false;
        }

        ReadOnlyMemory<byte> realm = default, nonce = default, opaque = default, algorithm = default, qop = default;
        bool stale = false;
        while (reader.Next(out int ns, out int nl, out int vs, out int vl, out _))
        {
            ReadOnlySpan<byte> name = s.Slice(ns, nl);
            ReadOnlyMemory<byte> v = value.Slice(vs, vl);
            if (SipAscii.EqualsIgnoreCase(name, "realm"u8))
            {
                realm = v;
            }
            else if (SipAscii.EqualsIgnoreCase(name, "nonce"u8))
            {
                nonce = v;
            }
            else if (SipAscii.EqualsIgnoreCase(name, "opaque"u8))
            {
                opaque = v;
            }
            else if (SipAscii.EqualsIgnoreCase(name, "algorithm"u8))
            {
                algorithm = v;
            }
            else if (SipAscii.EqualsIgnoreCase(name, "qop"u8))
            {
                qop = v;
            }
            else if (SipAscii.EqualsIgnoreCase(name, "stale"u8))
            {
                stale = SipAscii.EqualsIgnoreCase(v.Span, "true"u8);
            }
        }

        if (reader.Malformed || nonce.IsEmpty)
        {
            return false;
        }

        challenge = new DigestChallenge { Realm = realm, Nonce = nonce, Opaque = opaque, AlgorithmName = algorithm, QopOptions = qop, Stale = stale };
        return true;
    }
}
