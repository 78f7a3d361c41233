namespace Switchboard.Config.Pjsip;

/// <summary><c>auth_type=</c> of an auth object.</summary>
public enum AuthType
{
    /// <summary>Plain password.</summary>
    UserPass,

    /// <summary>Precomputed MD5(username:realm:password) in md5_cred.</summary>
    Md5,
}
