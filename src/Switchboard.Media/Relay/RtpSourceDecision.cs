namespace Switchboard.Media.Relay;

/// <summary>What the source filter decided for one packet.</summary>
public enum RtpSourceDecision
{
    /// <summary>From the current source.</summary>
    Accept,

    /// <summary>From a source that was just learned (or switched to); accepted.</summary>
    Learned,

    /// <summary>Dropped by strict RTP (unknown source, or still on probation).</summary>
    Drop,
}
