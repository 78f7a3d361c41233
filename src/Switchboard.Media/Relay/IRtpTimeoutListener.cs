namespace Switchboard.Media.Relay;

/// <summary>Told when a leg received no RTP for its rtp_timeout.</summary>
public interface IRtpTimeoutListener
{
    void OnRtpTimeout(RtpLeg leg, TimeSpan silence);
}
