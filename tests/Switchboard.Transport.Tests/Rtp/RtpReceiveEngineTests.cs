using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Switchboard.Common.Media;
using Switchboard.Transport.Rtp;

namespace Switchboard.Transport.Tests.Rtp;

/// <summary>The shared epoll receive engine (Linux) against the per-socket async loops it replaces.</summary>
public sealed class RtpReceiveEngineTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private sealed class Sink : IRtpPacketSink
    {
        public ConcurrentQueue<(bool Rtcp, byte[] Data, SocketAddress From)> Packets { get; } = new();

        public void OnRtpPacket(Span<byte> packet, SocketAddress source) => Packets.Enqueue((false, packet.ToArray(), Copy(source)));

        public void OnRtcpPacket(Span<byte> packet, SocketAddress source) => Packets.Enqueue((true, packet.ToArray(), Copy(source)));

        private static SocketAddress Copy(SocketAddress source)
        {
            var copy = new SocketAddress(source.Family, source.Size);
            source.Buffer.Span[..source.Size].CopyTo(copy.Buffer.Span);
            return copy;
        }
    }

    private static UdpRtpSocket Bind(UdpRtpSocketFactory factory, IPAddress address)
    {
        // Port 0 picks the RTP port; the next one (RTCP) may be taken, so try a few times.
        string? error = null;
        for (int attempt = 0; attempt < 50; attempt++)
        {
            if (factory.TryBind(address, 0, out var socket, out error))
            {
                return (UdpRtpSocket)socket;
            }
        }

        throw new InvalidOperationException(error);
    }

    [SkippableFact]
    public void OnLinuxSocketsJoinTheEngine()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the epoll engine is Linux-only");
        using var socket = Bind(new UdpRtpSocketFactory(), IPAddress.Loopback);
        socket.Start(new Sink());
        Assert.True(socket.OnEngine);
        Assert.NotNull(RtpReceiveEngine.Shared);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SourceAddressIsTheSendersAsDotNetSerializesIt(bool engine)
    {
        using var socket = Bind(new UdpRtpSocketFactory { UseReceiveEngine = engine }, IPAddress.Loopback);
        var sink = new Sink();
        socket.Start(sink);
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        peer.SendTo(new byte[] { 1, 2, 3 }, socket.LocalRtpEndPoint);
        peer.SendTo(new byte[] { 4 }, socket.LocalRtcpEndPoint);
        Assert.True(SpinWait.SpinUntil(() => sink.Packets.Count == 2, Wait));
        var expected = peer.LocalEndPoint!.Serialize();
        var packets = sink.Packets.ToArray();
        var rtp = Assert.Single(packets, p => !p.Rtcp);
        var rtcp = Assert.Single(packets, p => p.Rtcp);
        Assert.Equal(new byte[] { 1, 2, 3 }, rtp.Data);
        Assert.Equal(new byte[] { 4 }, rtcp.Data);
        Assert.Equal(expected, rtp.From);
        Assert.Equal(expected, rtcp.From);

        // The relay answers to the source it saw: a reply sent to that address reaches the peer.
        Assert.True(socket.SendRtp(new byte[] { 9 }, rtp.From));
        peer.ReceiveTimeout = 5000;
        var buffer = new byte[16];
        Assert.Equal(1, peer.Receive(buffer));
        Assert.Equal(9, buffer[0]);
    }

    [SkippableFact]
    public void DualModeSocketSeesIpv4PeersAsMappedAddresses()
    {
        Skip.IfNot(Socket.OSSupportsIPv6, "no IPv6");
        using var socket = Bind(new UdpRtpSocketFactory(), IPAddress.IPv6Any);
        var sink = new Sink();
        socket.Start(sink);
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        peer.SendTo(new byte[] { 7 }, new IPEndPoint(IPAddress.Loopback, socket.LocalRtpEndPoint.Port));
        Assert.True(SpinWait.SpinUntil(() => sink.Packets.Count == 1, Wait));
        Assert.True(sink.Packets.TryPeek(out var packet));
        var from = (IPEndPoint)new IPEndPoint(IPAddress.IPv6Any, 0).Create(packet.From);
        Assert.Equal(((IPEndPoint)peer.LocalEndPoint!).Port, from.Port);
        Assert.Equal(IPAddress.Loopback, from.Address.MapToIPv4());
    }

    [Fact]
    public void ManySocketsEachGetOnlyTheirOwnDatagramsAndDisposedOnesGetNone()
    {
        var factory = new UdpRtpSocketFactory();
        const int Count = 300; // more than one slot table's first size (256 registrations)
        var sockets = new UdpRtpSocket[Count];
        var sinks = new Sink[Count];
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        try
        {
            for (int i = 0; i < Count; i++)
            {
                sockets[i] = Bind(factory, IPAddress.Loopback);
                sinks[i] = new Sink();
                sockets[i].Start(sinks[i]);
            }

            for (int i = 0; i < Count; i++)
            {
                peer.SendTo(BitConverter.GetBytes(i), sockets[i].LocalRtpEndPoint);
            }

            Assert.True(SpinWait.SpinUntil(() => sinks.All(s => s.Packets.Count == 1), Wait));
            for (int i = 0; i < Count; i++)
            {
                Assert.True(sinks[i].Packets.TryPeek(out var p));
                Assert.Equal(i, BitConverter.ToInt32(p.Data));
            }

            // Half go away; their slots are reused by new sockets, whose datagrams must not reach the old sinks.
            var closedEndPoints = new List<IPEndPoint>();
            for (int i = 0; i < Count; i += 2)
            {
                closedEndPoints.Add(sockets[i].LocalRtpEndPoint);
                sockets[i].Dispose();
            }

            var fresh = new UdpRtpSocket[Count / 2];
            var freshSinks = new Sink[Count / 2];
            for (int i = 0; i < fresh.Length; i++)
            {
                fresh[i] = Bind(factory, IPAddress.Loopback);
                freshSinks[i] = new Sink();
                fresh[i].Start(freshSinks[i]);
                peer.SendTo(BitConverter.GetBytes(1000 + i), fresh[i].LocalRtpEndPoint);
            }

            Assert.True(SpinWait.SpinUntil(() => freshSinks.All(s => s.Packets.Count == 1), Wait));
            for (int i = 0; i < Count; i++)
            {
                Assert.Single(sinks[i].Packets);
            }

            foreach (var s in fresh)
            {
                s.Dispose();
            }
        }
        finally
        {
            foreach (var s in sockets)
            {
                s?.Dispose();
            }
        }
    }
}
