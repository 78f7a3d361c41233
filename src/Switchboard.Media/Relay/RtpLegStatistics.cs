using System.Net;

namespace Switchboard.Media.Relay;

/// <summary>A snapshot of a leg's counters (for "rtp show stats"-style output, CDR and the performance figures).</summary>
public sealed record RtpLegStatistics(
    long PacketsReceived,
    long BytesReceived,
    long PacketsSent,
    long BytesSent,
    long PacketsDropped,
    long PacketsMalformed,
    long RtcpReceived,
    long RtcpSent,
    long PacketsLost,
    double JitterMs,
    uint RemoteSsrc,
    IPEndPoint? RemoteSource);
