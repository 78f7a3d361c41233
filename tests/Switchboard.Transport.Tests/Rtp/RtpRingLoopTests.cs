using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Switchboard.Common.Media;
using Switchboard.Transport.Rtp;

namespace Switchboard.Transport.Tests.Rtp;

/// <summary>
/// The io_uring RTP loops (multishot receive into a shared buffer pool, batched sends from the ring thread), each test
/// on a private engine so blocking its thread cannot disturb other tests. Skipped only where the kernel refuses
/// io_uring (not Linux, older than 6.0, kernel.io_uring_disabled, a seccomp filter), with the kernel's reason.
/// </summary>
public sealed class RtpRingLoopTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static RtpReceiveEngine Engine(int threads = 1)
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "io_uring is Linux-only");
        var engine = RtpReceiveEngine.CreateRings(threads, out string? reason);
        Skip.If(engine is null, $"io_uring refused here: {reason}");
        return engine!;
    }

    private static UdpRtpSocket Bind(UdpRtpSocketFactory factory)
    {
        string? error = null;
        for (int attempt = 0; attempt < 50; attempt++)
        {
            if (factory.TryBind(IPAddress.Loopback, 0, out var socket, out error))
            {
                return (UdpRtpSocket)socket;
            }
        }

        throw new InvalidOperationException(error);
    }

    /// <summary>Answers every RTP datagram with the same bytes from the socket it arrived on (the relay's pattern).</summary>
    private sealed class EchoSink(Func<UdpRtpSocket> socket) : IRtpPacketSink
    {
        public int Received;

        public void OnRtpPacket(Span<byte> packet, SocketAddress source)
        {
            Interlocked.Increment(ref Received);
            socket().SendRtp(packet, source);
        }

        public void OnRtcpPacket(Span<byte> packet, SocketAddress source) => socket().SendRtcp(packet, source);
    }

    private sealed class CountingSink(ManualResetEventSlim gate) : IRtpPacketSink
    {
        public readonly ConcurrentBag<int> Values = [];

        public void OnRtpPacket(Span<byte> packet, SocketAddress source)
        {
            gate.Wait();
            Values.Add(BitConverter.ToInt32(packet));
        }

        public void OnRtcpPacket(Span<byte> packet, SocketAddress source)
        {
        }
    }

    [SkippableFact]
    public void SendsFromTheRingThreadLeaveFromTheReceivingSocketWithTheirBytesIntact()
    {
        var factory = new UdpRtpSocketFactory { Engine = Engine(2) };
        const int Sockets = 20;
        const int PerSocket = 50;
        var sockets = new UdpRtpSocket[Sockets];
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        peer.ReceiveBufferSize = 4 << 20;
        peer.ReceiveTimeout = 5000;
        try
        {
            for (int i = 0; i < Sockets; i++)
            {
                int index = i;
                sockets[i] = Bind(factory);
                sockets[i].Start(new EchoSink(() => sockets[index]));
                Assert.True(sockets[i].OnEngine);
            }

            var expected = new Dictionary<string, int>();
            for (int round = 0; round < PerSocket; round++)
            {
                for (int i = 0; i < Sockets; i++)
                {
                    byte[] payload = new byte[40 + ((round + i) % 120)];
                    Random.Shared.NextBytes(payload);
                    BitConverter.GetBytes((round * Sockets) + i).CopyTo(payload, 0);
                    expected[Convert.ToHexString(payload)] = sockets[i].LocalRtpEndPoint.Port;
                    peer.SendTo(payload, sockets[i].LocalRtpEndPoint);
                }
            }

            var buffer = new byte[2048];
            EndPoint from = new IPEndPoint(IPAddress.Any, 0);
            for (int n = 0; n < Sockets * PerSocket; n++)
            {
                int length = peer.ReceiveFrom(buffer, ref from);
                string key = Convert.ToHexString(buffer, 0, length);
                Assert.True(expected.Remove(key, out int port), "an echoed datagram differs from every one sent");
                Assert.Equal(port, ((IPEndPoint)from).Port);
            }

            Assert.Empty(expected);
        }
        finally
        {
            foreach (var s in sockets)
            {
                s?.Dispose();
            }
        }
    }

    /// <summary>Counts datagrams and fails every time it is asked for its prefetch list.</summary>
    private sealed class FailingPrefetchSink : IRtpPacketSink
    {
        public int Received;

        public int Asked;

        public void OnRtpPacket(Span<byte> packet, SocketAddress source) => Interlocked.Increment(ref Received);

        public void OnRtcpPacket(Span<byte> packet, SocketAddress source)
        {
        }

        public void CollectPrefetch(ref RtpPrefetchList list)
        {
            Interlocked.Increment(ref Asked);
            list.Add(this);
            throw new InvalidOperationException("no list");
        }
    }

    [SkippableFact]
    public void ASinkThatFailsToListItsObjectsIsNotPrefetchedAndTheThreadGoesOn()
    {
        var factory = new UdpRtpSocketFactory { Engine = Engine() };
        var socket = Bind(factory);
        var sink = new FailingPrefetchSink();
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        try
        {
            socket.Start(sink);
            for (int i = 0; i < 130; i++)
            {
                peer.SendTo(BitConverter.GetBytes(i), socket.LocalRtpEndPoint);
            }

            Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref sink.Received) == 130, Wait), $"received {sink.Received} of 130");
            Assert.Equal(3, Volatile.Read(ref sink.Asked));
            Assert.Equal(0, socket.RtpRegistration!.PrefetchCount);
            Assert.Null(socket.RtpRegistration.Prefetch[0]);
        }
        finally
        {
            socket.Dispose();
        }
    }

    [SkippableFact]
    public void DisposeReturnsOnlyOnceTheKernelLetGoOfThePorts()
    {
        var factory = new UdpRtpSocketFactory { Engine = Engine() };
        using var gate = new ManualResetEventSlim(false);
        var busy = Bind(factory);
        busy.Start(new CountingSink(gate));
        var target = Bind(factory);
        target.Start(new CountingSink(new ManualResetEventSlim(true)));
        int port = target.LocalRtpEndPoint.Port;
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        try
        {
            // The ring's only thread is now stuck in a handler, so it cannot cancel the target's armed receive.
            peer.SendTo(BitConverter.GetBytes(1), busy.LocalRtpEndPoint);
            Thread.Sleep(100);
            var dispose = Task.Run(target.Dispose);
            Assert.False(dispose.Wait(300), "Dispose returned while the kernel still held the socket");

            // Why it waits: the armed receive keeps the socket (and its port) alive after its descriptor is closed.
            using (var early = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
            {
                var refused = Assert.Throws<SocketException>(() => early.Bind(new IPEndPoint(IPAddress.Loopback, port)));
                Assert.Equal(SocketError.AddressAlreadyInUse, refused.SocketErrorCode);
            }

            gate.Set();
            Assert.True(dispose.Wait(Wait));
            using var again = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            again.Bind(new IPEndPoint(IPAddress.Loopback, port));
            using var rtcp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            rtcp.Bind(new IPEndPoint(IPAddress.Loopback, port + 1));
        }
        finally
        {
            gate.Set();
            busy.Dispose();
        }
    }

    [SkippableFact]
    public void MoreDatagramsThanPoolBuffersWhileTheThreadIsBusyAreAllDeliveredAfterwards()
    {
        // 64 sockets x 60 datagrams = 3,840 waiting while the only thread is blocked in a handler: more than the
        // pool's 1,024 buffers, so receives end with ENOBUFS and must be re-armed to drain the socket queues.
        var factory = new UdpRtpSocketFactory { Engine = Engine() };
        const int Sockets = 64;
        const int PerSocket = 60;
        using var gate = new ManualResetEventSlim(false);
        var sockets = new UdpRtpSocket[Sockets];
        var sinks = new CountingSink[Sockets];
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        try
        {
            for (int i = 0; i < Sockets; i++)
            {
                sockets[i] = Bind(factory);
                sinks[i] = new CountingSink(gate);
                sockets[i].Start(sinks[i]);
            }

            for (int round = 0; round < PerSocket; round++)
            {
                for (int i = 0; i < Sockets; i++)
                {
                    peer.SendTo(BitConverter.GetBytes((i * 1000) + round), sockets[i].LocalRtpEndPoint);
                }
            }

            Thread.Sleep(200);
            gate.Set();
            Assert.True(SpinWait.SpinUntil(() => sinks.Sum(s => s.Values.Count) == Sockets * PerSocket, Wait),
                $"delivered {sinks.Sum(s => s.Values.Count)} of {Sockets * PerSocket}");
            for (int i = 0; i < Sockets; i++)
            {
                Assert.Equal(Enumerable.Range(0, PerSocket).Select(r => (i * 1000) + r), sinks[i].Values.Order());
            }
        }
        finally
        {
            gate.Set();
            foreach (var s in sockets)
            {
                s?.Dispose();
            }
        }
    }

    [SkippableFact]
    public void AHandlerThatClosesItsOwnSocketDoesNotDeadlockTheThread()
    {
        var factory = new UdpRtpSocketFactory { Engine = Engine() };
        var first = Bind(factory);
        var second = Bind(factory);
        var closing = new ClosingSink(() => first);
        first.Start(closing);
        var counter = new CountingSink(new ManualResetEventSlim(true));
        second.Start(counter);
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        peer.SendTo(BitConverter.GetBytes(1), first.LocalRtpEndPoint);
        Assert.True(SpinWait.SpinUntil(() => closing.Closed, Wait));

        // The same thread still serves the other socket.
        peer.SendTo(BitConverter.GetBytes(2), second.LocalRtpEndPoint);
        Assert.True(SpinWait.SpinUntil(() => counter.Values.Count == 1, Wait));
        second.Dispose();
    }

    [SkippableFact]
    public void ASocketTheRingSentFromClosesPromptlyOnceTrafficStops()
    {
        // The relay pattern: a datagram received on one socket leaves from another. The ring holds the sending socket's
        // handle only until the batch is submitted, not while it idles waiting for the next datagram, so closing that
        // socket (which waits for every holder of its handle) returns even when no more traffic comes. Two loops: the
        // sockets land on different ones, so the sending loop is not the one woken by the close.
        var factory = new UdpRtpSocketFactory { Engine = Engine(2) };
        var inbound = Bind(factory);
        var outbound = Bind(factory);
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        peer.ReceiveTimeout = 5000;
        var peerAddress = peer.LocalEndPoint!.Serialize();
        inbound.Start(new ForwardingSink(() => outbound, peerAddress));
        outbound.Start(new CountingSink(new ManualResetEventSlim(true)));
        try
        {
            peer.SendTo(new byte[] { 1, 2, 3 }, inbound.LocalRtpEndPoint);
            var buffer = new byte[16];
            EndPoint from = new IPEndPoint(IPAddress.Any, 0);
            Assert.Equal(3, peer.ReceiveFrom(buffer, ref from));
            Assert.Equal(outbound.LocalRtpEndPoint.Port, ((IPEndPoint)from).Port);
            Assert.True(Task.Run(outbound.Dispose).Wait(Wait), "closing the socket the ring sent from hung");
        }
        finally
        {
            inbound.Dispose();
            outbound.Dispose();
        }
    }

    [SkippableFact]
    public void ASocketStartedNearAnotherJoinsItsThreadAndSendsThroughItsRegisteredFileSlot()
    {
        // The two legs of a bridge: the callee's socket starts next to the caller's, so the thread that receives the
        // caller's packets also owns the socket they leave from, and names it by its registered-file slot. A socket
        // started without a neighbour goes to the least loaded thread. Closing the neighbour empties its slot: the
        // port can be bound again at once (a slot holds the socket open otherwise).
        var engine = Engine(2);
        var factory = new UdpRtpSocketFactory { Engine = engine };
        var caller = Bind(factory);
        var callee = Bind(factory);
        var other = Bind(factory);
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        peer.ReceiveTimeout = 5000;
        try
        {
            caller.Start(new ForwardingSink(() => callee, peer.LocalEndPoint!.Serialize()));
            callee.Start(new CountingSink(new ManualResetEventSlim(true)), near: caller);
            other.Start(new CountingSink(new ManualResetEventSlim(true)));
            Assert.NotNull(caller.EngineThread);
            Assert.Same(caller.EngineThread, callee.EngineThread);
            Assert.NotSame(caller.EngineThread, other.EngineThread);
            if (Environment.OSVersion.Version >= new Version(5, 19))
            {
                // The thread enters the socket in its table when it takes the registration from its queue.
                Assert.True(SpinWait.SpinUntil(() => callee.RtpFixedSlot >= 0, Wait), "no registered-file slot");
            }

            for (int i = 0; i < 20; i++)
            {
                peer.SendTo(BitConverter.GetBytes(i), caller.LocalRtpEndPoint);
                var buffer = new byte[16];
                EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                Assert.Equal(4, peer.ReceiveFrom(buffer, ref from));
                Assert.Equal(i, BitConverter.ToInt32(buffer));
                Assert.Equal(callee.LocalRtpEndPoint.Port, ((IPEndPoint)from).Port);
            }

            // The thread collected what the caller's datagrams touch, to prefetch it for the next batches: the
            // caller's socket, its sink, and the socket the sink sends from with that socket's registration.
            var registration = caller.RtpRegistration!;
            var prefetched = Enumerable.Range(0, registration.PrefetchCount).Select(i => registration.Prefetch[i]).ToList();
            Assert.Same(caller, prefetched[0]);
            Assert.Contains(prefetched, o => o is ForwardingSink);
            Assert.Contains(callee, prefetched);
            Assert.Contains(callee.RtpRegistration, prefetched);

            var port = callee.LocalRtpEndPoint;
            callee.Dispose();
            using var rebound = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            rebound.Bind(port);
        }
        finally
        {
            caller.Dispose();
            callee.Dispose();
            other.Dispose();
        }
    }

    [SkippableFact]
    public void OnKernelsWithSendtoRingsSendWithTheAddressInTheSqeAndRegisteredFiles()
    {
        // IORING_OP_SEND takes a destination since Linux 6.1 and sparse registered file tables exist since 5.19: where
        // the kernel has both, the ring uses them (the start-up probe proved the address is honoured), and
        // "rtp show settings" says so.
        var engine = Engine();
        Skip.If(Environment.OSVersion.Version < new Version(6, 1), "the kernel predates IORING_OP_SEND with an address (6.1)");
        Assert.Equal("SEND with address, registered files", engine.Status().SendPath);
    }

    private sealed class ForwardingSink(Func<UdpRtpSocket> to, SocketAddress destination) : IRtpPacketSink
    {
        public void OnRtpPacket(Span<byte> packet, SocketAddress source) => to().SendRtp(packet, destination);

        public void CollectPrefetch(ref RtpPrefetchList list)
        {
            list.Add(this);
            ((IRtpSocket)to()).CollectSendPrefetch(ref list);
        }

        public void OnRtcpPacket(Span<byte> packet, SocketAddress source)
        {
        }
    }

    private sealed class ClosingSink(Func<UdpRtpSocket> socket) : IRtpPacketSink
    {
        public volatile bool Closed;

        public void OnRtpPacket(Span<byte> packet, SocketAddress source)
        {
            socket().Dispose();
            Closed = true;
        }

        public void OnRtcpPacket(Span<byte> packet, SocketAddress source)
        {
        }
    }
}
