namespace Switchboard.Core.Events;

/// <summary>
/// One security event with Asterisk's common fields (EventTV, Severity, Service, EventVersion, AccountID, SessionID,
/// LocalAddress, RemoteAddress) and the type-specific ones in <see cref="Fields"/> in Asterisk's order and names
/// (e.g. Challenge, ReceivedChallenge, ReceivedHash, ACLName, ExpectedResponse, Response, UsingPassword,
/// RequestType). Values are raw (as received); writers escape them for their medium.
/// </summary>
public sealed record SecurityEvent(
    SecurityEventType Type,
    DateTimeOffset Time,
    string Service,
    string AccountId,
    string SessionId,
    TransportAddress LocalAddress,
    TransportAddress RemoteAddress,
    IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    /// <summary>Asterisk's severity: Informational for ChallengeSent and SuccessfulAuth, Error otherwise.</summary>
    public string Severity => Type is SecurityEventType.ChallengeSent or SecurityEventType.SuccessfulAuth ? "Informational" : "Error";

    /// <summary>Event version as Asterisk reports it.</summary>
    public int EventVersion => Type == SecurityEventType.SuccessfulAuth ? 1 : Type == SecurityEventType.InvalidPassword ? 2 : 1;

    /// <summary>True for the events that indicate an attack attempt (AutoBan's inputs).</summary>
    public bool IsFailure => Type is SecurityEventType.FailedACL or SecurityEventType.InvalidAccountID
        or SecurityEventType.ChallengeResponseFailed or SecurityEventType.InvalidPassword
        or SecurityEventType.RequestBadFormat or SecurityEventType.AuthMethodNotAllowed
        or SecurityEventType.RequestNotAllowed or SecurityEventType.UnexpectedAddress;
}
