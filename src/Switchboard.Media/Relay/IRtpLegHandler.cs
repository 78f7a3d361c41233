using Switchboard.Common.Media;
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

    /// <summary>Adds the objects <see cref="OnRtp"/> touches for a packet from <paramref name="leg"/>, to be prefetched.</summary>
    void CollectPrefetch(RtpLeg leg, ref RtpPrefetchList list)
    {
    }
}
