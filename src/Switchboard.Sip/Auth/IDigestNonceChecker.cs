namespace Switchboard.Sip.Auth;

/// <summary>Checks nonces for <see cref="DigestVerifier"/> (implemented by <see cref="DigestNonceManager"/>).</summary>
public interface IDigestNonceChecker
{
    /// <summary>Whether the nonce was issued here and is still fresh.</summary>
    DigestNonceValidity Check(ReadOnlySpan<byte> nonce);
}
