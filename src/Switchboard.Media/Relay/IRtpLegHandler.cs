using Switchboard.Media.Rtp;

namespace Switchboard.Media.Relay;

/// <summary>
/// Consumes what a leg accepted (after source filtering and statistics): a relay, Echo, a recorder. Called on the
/// leg's receive thread with the receive buffer (writable, valid only during the call). Must not block.
/// </summary>
public interface IRtpLegHandler
{
    void OnRtp(RtpLeg leg, Span<byte> data, RtpPacket packet);

    void OnRtcp(RtpLeg leg, Span<byte> data);
}
