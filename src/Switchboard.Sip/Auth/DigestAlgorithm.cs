namespace Switchboard.Sip.Auth;

/// <summary>Digest algorithms (RFC 7616 §3.3, RFC 8760 for SIP).</summary>
public enum DigestAlgorithm : byte
{
    /// <summary>Not recognised (the credentials are rejected as malformed).</summary>
    Unknown = 0,
    Md5,
    Md5Sess,
    Sha256,
    Sha256Sess,
}
