namespace Switchboard.Core.Events;

/// <summary>Asterisk's security event names (security_events.h), used verbatim on AMI and in logs.</summary>
public enum SecurityEventType
{
    FailedACL,
    InvalidAccountID,
    SessionLimit,
    MemoryLimit,
    LoadAverageLimit,
    RequestNotSupported,
    RequestNotAllowed,
    AuthMethodNotAllowed,
    RequestBadFormat,
    SuccessfulAuth,
    UnexpectedAddress,
    ChallengeResponseFailed,
    InvalidPassword,
    ChallengeSent,
    InvalidTransport,
}
