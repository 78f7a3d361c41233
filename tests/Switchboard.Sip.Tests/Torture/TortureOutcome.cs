namespace Switchboard.Sip.Tests.Torture;

/// <summary>What the RFC prescribes for a torture message.</summary>
public enum TortureOutcome
{
    /// <summary>Parses and the validator accepts it (status 0), or it is a valid response.</summary>
    Accept,

    /// <summary>Parses; the validator answers with the given status.</summary>
    Reject,

    /// <summary>Does not parse; a stateless response with the given status is sent (SipResponseBuilder).</summary>
    RejectUnparsable,

    /// <summary>A response that is dropped silently.</summary>
    Drop,
}
