using System.Net;

namespace Switchboard.Common.Media;

/// <summary>
/// Receives the datagrams of one RTP socket pair. Called on the socket's receive loop: the span is the loop's
/// receive buffer, valid only during the call and writable (a relay rewrites headers in place before forwarding);
/// <paramref name="source"/> is reused by the loop too, so copy it to keep it. Implementations must not block
/// and must not throw (an exception is logged and the packet dropped).
/// </summary>
public interface IRtpPacketSink
{
    void OnRtpPacket(Span<byte> packet, SocketAddress source);

    void OnRtcpPacket(Span<byte> packet, SocketAddress source);

    /// <summary>Adds the objects <see cref="OnRtpPacket"/> touches, itself first, for the receive thread to prefetch.</summary>
    void CollectPrefetch(ref RtpPrefetchList list)
    {
    }
}
