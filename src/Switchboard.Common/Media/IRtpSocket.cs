using System.Net;

namespace Switchboard.Common.Media;

/// <summary>
/// A bound UDP socket pair for one RTP leg: RTP on an even port, RTCP on the next (odd) port. Implemented by
/// Switchboard.Transport (UdpRtpSocket) and by in-memory fakes in tests; used by Switchboard.Media's RtpLeg.
/// This contract lives in Common because Media must not reference Transport.
/// </summary>
public interface IRtpSocket : IDisposable
{
    IPEndPoint LocalRtpEndPoint { get; }

    IPEndPoint LocalRtcpEndPoint { get; }

    /// <summary>Starts the receive loops; every datagram goes to <paramref name="sink"/>. Call once.</summary>
    void Start(IRtpPacketSink sink);

    /// <summary>
    /// As <see cref="Start(IRtpPacketSink)"/>, served by the same receive thread as <paramref name="near"/> where the
    /// implementation has several (the two legs of a bridge: each leg's packets are sent from the other's socket, so
    /// one thread then touches both sockets and both legs' state).
    /// </summary>
    void Start(IRtpPacketSink sink, IRtpSocket? near) => Start(sink);

    /// <summary>Sends one RTP datagram; false when the socket is closed or the send failed (never throws).</summary>
    bool SendRtp(ReadOnlySpan<byte> packet, SocketAddress destination);

    /// <summary>Sends one RTCP datagram from the RTCP socket; false when closed or failed (never throws).</summary>
    bool SendRtcp(ReadOnlySpan<byte> packet, SocketAddress destination);

    /// <summary>Adds the objects <see cref="SendRtp"/> touches, for the receive thread of the packets it relays to prefetch.</summary>
    void CollectSendPrefetch(ref RtpPrefetchList list)
    {
    }
}
