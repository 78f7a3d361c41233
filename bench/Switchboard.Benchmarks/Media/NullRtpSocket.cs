using System.Net;
using Switchboard.Common.Media;

namespace Switchboard.Benchmarks.Media;

/// <summary>A socket that sends nowhere, so the benchmarks measure the relay path and not the kernel.</summary>
internal sealed class NullRtpSocket : IRtpSocket
{
    public NullRtpSocket(int port)
    {
        LocalRtpEndPoint = new IPEndPoint(IPAddress.Loopback, port);
        LocalRtcpEndPoint = new IPEndPoint(IPAddress.Loopback, port + 1);
    }

    public IPEndPoint LocalRtpEndPoint { get; }

    public IPEndPoint LocalRtcpEndPoint { get; }

    public long Sent { get; private set; }

    public IRtpPacketSink? Sink { get; private set; }

    public void Start(IRtpPacketSink sink) => Sink = sink;

    public bool SendRtp(ReadOnlySpan<byte> packet, SocketAddress destination)
    {
        Sent++;
        return true;
    }

    public bool SendRtcp(ReadOnlySpan<byte> packet, SocketAddress destination) => true;

    public void Dispose()
    {
    }
}
