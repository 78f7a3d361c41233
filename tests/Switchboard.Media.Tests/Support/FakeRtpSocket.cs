using System.Diagnostics.CodeAnalysis;
using System.Net;
using Switchboard.Common.Media;
using Switchboard.Media.Relay;

namespace Switchboard.Media.Tests.Support;

/// <summary>An in-memory <see cref="IRtpSocket"/>: tests inject datagrams and read what was sent.</summary>
internal sealed class FakeRtpSocket : IRtpSocket
{
    private readonly Lock _gate = new();
    private IRtpPacketSink? _sink;

    public FakeRtpSocket(int port = 10000, IPAddress? address = null)
    {
        LocalRtpEndPoint = new IPEndPoint(address ?? IPAddress.Loopback, port);
        LocalRtcpEndPoint = new IPEndPoint(address ?? IPAddress.Loopback, port + 1);
    }

    public IPEndPoint LocalRtpEndPoint { get; }

    public IPEndPoint LocalRtcpEndPoint { get; }

    /// <summary>When false, sends are only counted (for allocation tests).</summary>
    public bool Record { get; set; } = true;

    public long SendCount;

    public List<(byte[] Data, IPEndPoint To)> SentRtp { get; } = [];

    public List<(byte[] Data, IPEndPoint To)> SentRtcp { get; } = [];

    public bool Disposed { get; private set; }

    public void Start(IRtpPacketSink sink) => _sink = sink;

    /// <summary>The socket this one was asked to share a receive thread with (null: none).</summary>
    public IRtpSocket? StartedNear { get; private set; }

    public void Start(IRtpPacketSink sink, IRtpSocket? near)
    {
        _sink = sink;
        StartedNear = near;
    }

    public void CollectSendPrefetch(ref RtpPrefetchList list) => list.Add(this);

    public bool SendRtp(ReadOnlySpan<byte> packet, SocketAddress destination)
    {
        Interlocked.Increment(ref SendCount);
        if (Record)
        {
            lock (_gate)
            {
                SentRtp.Add((packet.ToArray(), SocketAddresses.ToEndPoint(destination)!));
            }
        }

        return true;
    }

    public bool SendRtcp(ReadOnlySpan<byte> packet, SocketAddress destination)
    {
        lock (_gate)
        {
            SentRtcp.Add((packet.ToArray(), SocketAddresses.ToEndPoint(destination)!));
        }

        return true;
    }

    public void DeliverRtp(byte[] packet, IPEndPoint from) => _sink!.OnRtpPacket(packet, from.Serialize());

    public void DeliverRtcp(byte[] packet, IPEndPoint from) => _sink!.OnRtcpPacket(packet, from.Serialize());

    public void Dispose() => Disposed = true;
}

/// <summary>A factory whose binds fail for chosen ports (a port "held by another process").</summary>
internal sealed class FakeRtpSocketFactory : IRtpSocketFactory
{
    public HashSet<int> BusyPorts { get; } = [];

    public List<int> Attempts { get; } = [];

    public bool TryBind(IPAddress address, int rtpPort, [NotNullWhen(true)] out IRtpSocket? socket, out string? error)
    {
        Attempts.Add(rtpPort);
        if (BusyPorts.Contains(rtpPort) || BusyPorts.Contains(rtpPort + 1))
        {
            socket = null;
            error = "address in use";
            return false;
        }

        socket = new FakeRtpSocket(rtpPort, address);
        error = null;
        return true;
    }
}
