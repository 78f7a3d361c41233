namespace Switchboard.Sip.Auth;

/// <summary>
/// What the credential store knows about a user: the password, or (Asterisk <c>md5_cred</c>) the MD5 HA1 as hex of
/// MD5(username:realm:password), usable only with MD5.
/// </summary>
public readonly struct DigestSecret
{
    /// <summary>A plain password.</summary>
    public static DigestSecret FromPassword(ReadOnlyMemory<byte> password) => new() { Password = password };

    /// <summary>A precomputed MD5 HA1 (32 hex characters).</summary>
    public static DigestSecret FromMd5Ha1(ReadOnlyMemory<byte> ha1Hex) => new() { Md5Ha1 = ha1Hex };

    /// <summary>The password bytes (empty when only an HA1 is known).</summary>
    public ReadOnlyMemory<byte> Password { get; private init; }

    /// <summary>The MD5 HA1 hex (empty when a password is known).</summary>
    public ReadOnlyMemory<byte> Md5Ha1 { get; private init; }
}
