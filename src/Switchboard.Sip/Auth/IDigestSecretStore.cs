namespace Switchboard.Sip.Auth;

/// <summary>The caller's password lookup for <see cref="DigestVerifier"/>.</summary>
public interface IDigestSecretStore
{
    /// <summary>Finds the secret for <paramref name="username"/> in <paramref name="realm"/>; false when the user is unknown.</summary>
    bool TryGetSecret(ReadOnlySpan<byte> username, ReadOnlySpan<byte> realm, out DigestSecret secret);
}
