using System.Net;
using Switchboard.Common.Media;
using Switchboard.Media.Relay;

namespace Switchboard.Core.Tests.Pjsip.Calls.Media;

/// <summary>An in-memory RTP socket: tests deliver datagrams to the leg and read what it sent.</summary>
internal sealed class FakeRtpSocket : IRtpSocket
{
    private readonly Lock _gate = new();
    private IRtpPacketSink? _sink;

    public IPEndPoint LocalRtpEndPoint { get; } = new(IPAddress.Loopback, 20000);

    public IPEndPoint LocalRtcpEndPoint { get; } = new(IPAddress.Loopback, 20001);

    private readonly List<byte[]> _sent = [];

    public List<byte[]> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    public void Start(IRtpPacketSink sink) => _sink = sink;

    public bool SendRtp(ReadOnlySpan<byte> packet, SocketAddress destination)
    {
        lock (_gate)
        {
            _sent.Add(packet.ToArray());
        }

        return true;
    }

    public bool SendRtcp(ReadOnlySpan<byte> packet, SocketAddress destination) => true;

    public void Deliver(byte[] packet, IPEndPoint from) => _sink!.OnRtpPacket(packet, from.Serialize());

    public void Dispose()
    {
    }
}
