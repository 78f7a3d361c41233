namespace Switchboard.Sip.Auth;

/// <summary>What <see cref="DigestNonceManager.Check"/> found.</summary>
public enum DigestNonceValidity : byte
{
    /// <summary>Not a nonce this process issued (bad format or MAC).</summary>
    Invalid = 0,

    /// <summary>Issued here and within its lifetime.</summary>
    Valid,

    /// <summary>Issued here but expired: answer with stale=true when the digest is otherwise correct.</summary>
    Stale,
}
