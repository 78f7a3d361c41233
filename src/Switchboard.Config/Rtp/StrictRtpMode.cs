namespace Switchboard.Config.Rtp;

/// <summary><c>strictrtp=</c>: how RTP from an unexpected source is treated.</summary>
public enum StrictRtpMode
{
    /// <summary>Accept RTP from anywhere.</summary>
    No,

    /// <summary>Learn the source during probation, then drop RTP from other sources (Asterisk's default).</summary>
    Yes,

    /// <summary>Like yes, but learning only needs consecutive sequence numbers.</summary>
    SeqNo,
}
