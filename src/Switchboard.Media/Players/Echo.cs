using Switchboard.Media.Relay;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Players;

/// <summary>
/// Asterisk's Echo(): every RTP packet (audio and telephone-event) received on the leg is sent straight back to
/// it. The leg's stream continuity gives the echo its own SSRC, so the caller does not see its own SSRC.
/// Install with <c>leg.Handler = new Echo()</c>. No allocation.
/// </summary>
public sealed class Echo : IRtpLegHandler
{
    private long _echoed;

    public long PacketsEchoed => Interlocked.Read(ref _echoed);

    public void OnRtp(RtpLeg leg, Span<byte> data, RtpPacket packet)
    {
        if (leg.SendRtp(data))
        {
            Interlocked.Increment(ref _echoed);
        }
    }

    public void OnRtcp(RtpLeg leg, Span<byte> data)
    {
        // RTCP is not echoed: reports describe the sender's own reception.
    }
}
