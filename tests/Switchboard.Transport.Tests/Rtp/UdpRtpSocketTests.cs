using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Switchboard.Common.Media;
using Switchboard.Transport.Rtp;

namespace Switchboard.Transport.Tests.Rtp;

public sealed class UdpRtpSocketTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private sealed class Collector : IRtpPacketSink
    {
        public ConcurrentQueue<(string Kind, byte[] Data, IPEndPoint From)> Packets { get; } = new();

        public bool ThrowOnFirst { get; set; }

        public void OnRtpPacket(Span<byte> packet, SocketAddress source) => Add("rtp", packet, source);

        public void OnRtcpPacket(Span<byte> packet, SocketAddress source) => Add("rtcp", packet, source);

        private void Add(string kind, Span<byte> packet, SocketAddress source)
        {
            var from = (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(source);
            Packets.Enqueue((kind, packet.ToArray(), from));
            if (ThrowOnFirst)
            {
                ThrowOnFirst = false;
                throw new InvalidOperationException("consumer failure");
            }
        }
    }

    private static IRtpSocket BindFreePair(UdpRtpSocketFactory factory, IPAddress address)
    {
        // Probe even ports from an ephemeral start until a pair binds.
        for (int attempt = 0; attempt < 100; attempt++)
        {
            int port = 42000 + (Random.Shared.Next(0, 3000) * 2);
            if (factory.TryBind(address, port, out var socket, out _))
            {
                return socket;
            }
        }

        throw new InvalidOperationException("no free port pair");
    }

    private static Socket Peer(IPAddress address)
    {
        var s = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        s.Bind(new IPEndPoint(address, 0));
        return s;
    }

    [Fact]
    public void Ipv4SocketsSendWithDontFragmentAndIgnorePathMtu()
    {
        // IP_PMTUDISC_PROBE (3): DF set, no fragmentation by the relay, IP ID 0 instead of the shared ID generator.
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var socket = (UdpRtpSocket)BindFreePair(new UdpRtpSocketFactory(), IPAddress.Loopback);
        var value = new byte[4];
        socket.RtpSocket.GetRawSocketOption(0, 10, value);
        Assert.Equal(3, BitConverter.ToInt32(value));
    }

    [Fact]
    public void BindsEvenOddPairAndReceivesRtpAndRtcp()
    {
        var factory = new UdpRtpSocketFactory();
        using var socket = BindFreePair(factory, IPAddress.Loopback);
        Assert.Equal(0, socket.LocalRtpEndPoint.Port % 2);
        Assert.Equal(socket.LocalRtpEndPoint.Port + 1, socket.LocalRtcpEndPoint.Port);
        var sink = new Collector();
        socket.Start(sink);
        using var peer = Peer(IPAddress.Loopback);
        peer.SendTo(new byte[] { 1, 2, 3 }, socket.LocalRtpEndPoint);
        peer.SendTo(new byte[] { 4, 5 }, socket.LocalRtcpEndPoint);
        Assert.True(SpinWait.SpinUntil(() => sink.Packets.Count == 2, Wait));
        var list = sink.Packets.OrderBy(p => p.Kind).ToList();
        Assert.Equal("rtcp", list[0].Kind);
        Assert.Equal([4, 5], list[0].Data);
        Assert.Equal("rtp", list[1].Kind);
        Assert.Equal([1, 2, 3], list[1].Data);
        Assert.Equal(peer.LocalEndPoint, list[1].From);
    }

    [Fact]
    public void SendsFromBothPorts()
    {
        var factory = new UdpRtpSocketFactory();
        using var socket = BindFreePair(factory, IPAddress.Loopback);
        using var peer = Peer(IPAddress.Loopback);
        peer.ReceiveTimeout = 5000;
        var to = ((IPEndPoint)peer.LocalEndPoint!).Serialize();
        Assert.True(socket.SendRtp(new byte[] { 9, 9 }, to));
        Assert.True(socket.SendRtcp(new byte[] { 8 }, to));
        var buffer = new byte[16];
        var sources = new List<IPEndPoint>();
        for (int i = 0; i < 2; i++)
        {
            EndPoint from = new IPEndPoint(IPAddress.Any, 0);
            peer.ReceiveFrom(buffer, ref from);
            sources.Add((IPEndPoint)from);
        }

        Assert.Contains(socket.LocalRtpEndPoint, sources);
        Assert.Contains(socket.LocalRtcpEndPoint, sources);
    }

    [Fact]
    public void ReceivesManyPacketsWithOneBuffer()
    {
        var factory = new UdpRtpSocketFactory();
        using var socket = BindFreePair(factory, IPAddress.Loopback);
        var sink = new Collector();
        socket.Start(sink);
        using var peer = Peer(IPAddress.Loopback);
        for (int i = 0; i < 200; i++)
        {
            peer.SendTo(new byte[] { (byte)i, 0, 0 }, socket.LocalRtpEndPoint);
            if (i % 50 == 49)
            {
                Assert.True(SpinWait.SpinUntil(() => sink.Packets.Count == i + 1, Wait));
            }
        }

        Assert.Equal(Enumerable.Range(0, 200).Select(i => (byte)i), sink.Packets.Select(p => p.Data[0]));
    }

    [Fact]
    public void Ipv6Loopback()
    {
        var factory = new UdpRtpSocketFactory();
        IRtpSocket socket;
        try
        {
            socket = BindFreePair(factory, IPAddress.IPv6Loopback);
        }
        catch (InvalidOperationException)
        {
            // No IPv6 on this host: the loopback-only rule still holds, nothing to test.
            Assert.False(Socket.OSSupportsIPv6);
            return;
        }

        using (socket)
        {
            var sink = new Collector();
            socket.Start(sink);
            using var peer = Peer(IPAddress.IPv6Loopback);
            peer.SendTo(new byte[] { 6 }, socket.LocalRtpEndPoint);
            Assert.True(SpinWait.SpinUntil(() => sink.Packets.Count == 1, Wait));
            Assert.Equal(IPAddress.IPv6Loopback, sink.Packets.Single().From.Address);
        }
    }

    [Fact]
    public void BusyPortIsReportedNotThrown()
    {
        var factory = new UdpRtpSocketFactory();
        using var first = BindFreePair(factory, IPAddress.Loopback);
        Assert.False(factory.TryBind(IPAddress.Loopback, first.LocalRtpEndPoint.Port, out var second, out var error));
        Assert.Null(second);
        Assert.Contains("AddressAlreadyInUse", error, StringComparison.Ordinal);

        // RTCP port taken by someone else: the RTP socket that did bind is released again.
        using var holder = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        int rtp = first.LocalRtpEndPoint.Port + 2;
        holder.Bind(new IPEndPoint(IPAddress.Loopback, rtp + 1));
        Assert.False(factory.TryBind(IPAddress.Loopback, rtp, out _, out _));
        using var check = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        check.Bind(new IPEndPoint(IPAddress.Loopback, rtp));
    }

    [Fact]
    public void ConsumerExceptionLosesOnlyThatPacket()
    {
        var factory = new UdpRtpSocketFactory();
        using var socket = BindFreePair(factory, IPAddress.Loopback);
        var sink = new Collector { ThrowOnFirst = true };
        socket.Start(sink);
        using var peer = Peer(IPAddress.Loopback);
        peer.SendTo(new byte[] { 1 }, socket.LocalRtpEndPoint);
        Assert.True(SpinWait.SpinUntil(() => sink.Packets.Count == 1, Wait));
        peer.SendTo(new byte[] { 2 }, socket.LocalRtpEndPoint);
        Assert.True(SpinWait.SpinUntil(() => sink.Packets.Count == 2, Wait));
    }

    [Fact]
    public async Task DisposeStopsTheLoopsAndFreesThePorts()
    {
        var factory = new UdpRtpSocketFactory();
        var socket = (UdpRtpSocket)BindFreePair(factory, IPAddress.Loopback);
        socket.Start(new Collector());
        int port = socket.LocalRtpEndPoint.Port;
        socket.Dispose();
        await socket.Completion.WaitAsync(Wait);
        Assert.False(socket.SendRtp(new byte[] { 1 }, new IPEndPoint(IPAddress.Loopback, 9).Serialize()));
        Assert.True(factory.TryBind(IPAddress.Loopback, port, out var again, out var error), error);
        again.Dispose();
        Assert.Throws<ObjectDisposedException>(() => socket.Start(new Collector()));
    }

    [Fact]
    public void StartTwiceIsRefused()
    {
        var factory = new UdpRtpSocketFactory();
        using var socket = BindFreePair(factory, IPAddress.Loopback);
        socket.Start(new Collector());
        Assert.Throws<InvalidOperationException>(() => socket.Start(new Collector()));
    }
}
