namespace Switchboard.Media.Relay;

/// <summary>rtp.conf strictrtp: no; yes (default: lock onto one source after learning); seqno (like yes, but a new
/// address that continues the sequence numbers is followed).</summary>
public enum StrictRtpMode
{
    No,
    Yes,
    SeqNo,
}
