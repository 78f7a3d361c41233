namespace Switchboard.Sip.Auth;

/// <summary>
/// Outcome of <see cref="DigestVerifier.Verify"/>. Callers answer UnknownUser, WrongPassword and Malformed with the
/// same fresh challenge so user names cannot be enumerated (issue 2 item 7); Stale gets a challenge with stale=true.
/// </summary>
public enum DigestVerificationResult : byte
{
    Ok = 0,
    WrongPassword,
    Stale,
    Malformed,
    UnknownUser,
}
