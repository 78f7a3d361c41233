namespace Switchboard.Config.Pjsip;

/// <summary>A <c>type=auth</c> object (digest credentials).</summary>
public sealed record PjsipAuth : PjsipObject
{
    /// <inheritdoc />
    public override string TypeName => "auth";

    /// <summary>userpass (default) or md5.</summary>
    public AuthType AuthType { get; init; } = AuthType.UserPass;

    /// <summary>Digest user name.</summary>
    public string Username { get; init; } = string.Empty;

    /// <summary>Plain password (userpass).</summary>
    public string Password { get; init; } = string.Empty;

    /// <summary>MD5 credential, lower-case hex (md5).</summary>
    public string Md5Cred { get; init; } = string.Empty;

    /// <summary>Realm (empty = global default_realm for inbound, the challenge's realm for outbound).</summary>
    public string Realm { get; init; } = string.Empty;

    /// <summary>Seconds a nonce stays valid.</summary>
    public int NonceLifetime { get; init; } = 32;

    /// <summary>Digest algorithms offered when challenging (supported_algorithms_uas), e.g. MD5, SHA-256.</summary>
    public IReadOnlyList<string> SupportedAlgorithmsUas { get; init; } = ["MD5"];

    /// <summary>Digest algorithms accepted when answering a challenge (supported_algorithms_uac).</summary>
    public IReadOnlyList<string> SupportedAlgorithmsUac { get; init; } = ["MD5"];

    /// <inheritdoc />
    public override string ToString() => $"auth {Name} ({Username})"; // never print secrets
}
