using System.Net;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Common.Media;
using Switchboard.Common.Timing;
using Switchboard.Media.Relay;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Relay;

/// <summary>
/// When a relay hands its packet flow to the kernel (rtp.conf kernel_forwarding) and when it takes it back, against a
/// recording stand-in for the kernel; the real nftables path is in <see cref="KernelForwardingNamespaceTests"/>.
/// </summary>
public sealed class RtpRelayKernelTests
{
    private static readonly IPEndPoint PhoneA = new(IPAddress.Parse("10.0.0.1"), 4000);
    private static readonly IPEndPoint PhoneB = new(IPAddress.Parse("10.0.0.2"), 5000);

    private sealed class RecordingKernel : IKernelForwarding
    {
        public List<(KernelForwardRule AToB, KernelForwardRule BToA, Handle Handle, Action<bool>? PacketsSeen)> Requests { get; } = [];

        public bool Refuse { get; set; }

        public IKernelForwardingHandle? TryForward(KernelForwardRule aToB, KernelForwardRule bToA, Action<bool>? packetsSeen = null)
        {
            var handle = new Handle { IsRefused = Refuse };
            Requests.Add((aToB, bToA, handle, packetsSeen));
            return handle;
        }

        public sealed class Handle : IKernelForwardingHandle
        {
            public bool Applied { get; set; }

            public bool Disposed { get; private set; }

            public bool IsActive => Applied && !Disposed;

            public bool IsRefused { get; init; }

            public void Dispose() => Disposed = true;
        }
    }

    private sealed class Call
    {
        private ushort _seqA = 1;
        private ushort _seqB = 1;

        public Call(RtpLegMedia mediaA, RtpLegMedia mediaB)
        {
            var options = new RtpLegOptions { Symmetric = true, StrictRtp = StrictRtpMode.Yes, KernelForwarding = Kernel };
            SocketA = new FakeRtpSocket(10000, IPAddress.Parse("192.0.2.10"));
            SocketB = new FakeRtpSocket(10002, IPAddress.Parse("192.0.2.10"));
            LegA = new RtpLeg(SocketA, options with { Name = "A" }, Time);
            LegB = new RtpLeg(SocketB, options with { Name = "B" }, Time);
            LegA.SetMedia(mediaA);
            LegB.SetMedia(mediaB);
            LegA.SetRemote(PhoneA);
            LegB.SetRemote(PhoneB);
            LegA.Start();
            LegB.Start(near: LegA);
            Relay = new RtpRelay(LegA, LegB);
            Relay.Start();
        }

        public RecordingKernel Kernel { get; } = new();

        public FakeTimeProvider Time { get; } = new();

        public FakeRtpSocket SocketA { get; }

        public FakeRtpSocket SocketB { get; }

        public RtpLeg LegA { get; }

        public RtpLeg LegB { get; }

        public RtpRelay Relay { get; }

        /// <summary>Talks until the relay asks the kernel again, and lets the kernel take that request.</summary>
        public RecordingKernel.Handle HandOver()
        {
            int before = Kernel.Requests.Count;
            Talk(RtpRelay.KernelCheckPackets);
            Assert.Equal(before + 1, Kernel.Requests.Count);
            var handle = Kernel.Requests[^1].Handle;
            handle.Applied = true;
            return handle;
        }

        /// <summary>Both phones send <paramref name="count"/> packets each, interleaved, 20 ms apart.</summary>
        public void Talk(int count, int ptA = 0, int ptB = 0)
        {
            for (int i = 0; i < count; i++)
            {
                SocketA.DeliverRtp(RtpBuilder.Audio(ptA, _seqA, (uint)(_seqA * 160), 0xA1), PhoneA);
                _seqA++;
                SocketB.DeliverRtp(RtpBuilder.Audio(ptB, _seqB, (uint)(_seqB * 160), 0xB1), PhoneB);
                _seqB++;
                Time.Advance(TimeSpan.FromMilliseconds(20));
            }
        }
    }

    [Fact]
    public void AnEstablishedSameCodecRelayIsHandedToTheKernelOnceWithBothDirections()
    {
        var call = new Call(new RtpLegMedia("ulaw", 0, 101), new RtpLegMedia("ulaw", 0, 101));
        call.Talk(RtpRelay.KernelCheckPackets - 1);
        Assert.Empty(call.Kernel.Requests);

        call.Talk(1);
        var (aToB, bToA, handle, packetsSeen) = Assert.Single(call.Kernel.Requests);
        Assert.Null(packetsSeen);

        // From A's learned source to A's port, out of B's socket to B; and the reverse.
        Assert.Equal(new KernelForwardRule(PhoneA, 10000, call.SocketB.LocalRtpEndPoint, PhoneB), aToB);
        Assert.Equal(new KernelForwardRule(PhoneB, 10002, call.SocketA.LocalRtpEndPoint, PhoneA), bToA);
        Assert.False(call.Relay.IsKernelForwarding);
        handle.Applied = true;
        Assert.True(call.Relay.IsKernelForwarding);

        // Packets in flight when the kernel took over still arrive here and are relayed; no second request.
        call.Talk(RtpRelay.KernelStrayLimit / 2);
        Assert.Single(call.Kernel.Requests);
        Assert.False(handle.Disposed);
    }

    [Fact]
    public void PacketsThatKeepArrivingAfterTheKernelTookOverTakeTheRelayBackAndItAsksAgainLater()
    {
        var call = new Call(new RtpLegMedia("ulaw", 0, 101), new RtpLegMedia("ulaw", 0, 101));
        var first = call.HandOver();

        // Eleven accepted packets after activation: the flow no longer matches what the kernel forwards.
        call.Talk(6);
        Assert.True(first.Disposed);
        Assert.False(call.Relay.IsKernelForwarding);
        long relayed = call.Relay.ForwardedAToB;
        call.Talk(RtpRelay.KernelCheckPackets);
        Assert.Equal(relayed + RtpRelay.KernelCheckPackets, call.Relay.ForwardedAToB);
        Assert.Equal(2, call.Kernel.Requests.Count);
    }

    [Fact]
    public void AReNegotiationOrTheEndOfTheBridgeTakesItBack()
    {
        var call = new Call(new RtpLegMedia("ulaw", 0, 101), new RtpLegMedia("ulaw", 0, 101));
        var first = call.HandOver();

        call.Relay.Refresh();
        Assert.True(first.Disposed);
        var second = call.HandOver();

        call.Relay.Dispose();
        Assert.True(second.Disposed);
    }

    [Fact]
    public void AfterTheKernelForwardedALegsStreamANewSourceStartsANewSsrcInsteadOfContinuingStaleNumbers()
    {
        // The kernel sent B's packets to A without the process seeing them, so the last sequence number A's phone got
        // is unknown here. When the bridge ends and a prompt plays to A, continuing "after" the stale number would send
        // numbers A's phone has already passed; a new SSRC (with the marker) starts a stream it accepts afresh.
        var call = new Call(new RtpLegMedia("ulaw", 0, 101), new RtpLegMedia("ulaw", 0, 101));
        call.HandOver();
        call.Relay.Stop();

        var prompt = RtpBuilder.Audio(0, 7, 1000, 0xC1);
        Assert.True(call.LegA.SendRtp(prompt));
        var sent = RtpBuilder.Read(call.SocketA.SentRtp[^1].Data);
        Assert.NotEqual(0xB1u, sent.Ssrc);
        Assert.Equal((ushort)7, sent.Sequence);
        Assert.True(sent.Marker);

        // Without the kernel, the same switch keeps B's SSRC and continues its numbers (RtpStreamContinuity).
        var plain = new Call(new RtpLegMedia("ulaw", 0, 101), new RtpLegMedia("ulaw", 0, 101));
        plain.Talk(5);
        plain.Relay.Stop();
        Assert.True(plain.LegA.SendRtp(RtpBuilder.Audio(0, 7, 1000, 0xC1)));
        var continued = RtpBuilder.Read(plain.SocketA.SentRtp[^1].Data);
        Assert.Equal(0xB1u, continued.Ssrc);
        Assert.Equal((ushort)6, continued.Sequence);
    }

    [Theory]
    [InlineData("different telephone-event numbers", 101, 96)]
    [InlineData("telephone-event on one leg only", 101, -1)]
    public void PacketsThatWouldLeaveChangedStayInTheProcess(string why, int eventA, int eventB)
    {
        var call = new Call(new RtpLegMedia("ulaw", 0, eventA), new RtpLegMedia("ulaw", 0, eventB));
        call.Talk(RtpRelay.KernelCheckPackets * 2);
        Assert.True(call.Kernel.Requests.Count == 0, why);
    }

    [Fact]
    public void TranscodedPacketsStayInTheProcess()
    {
        var call = new Call(new RtpLegMedia("ulaw", 0, 101), new RtpLegMedia("alaw", 8, 101));
        call.Talk(RtpRelay.KernelCheckPackets * 2, ptA: 0, ptB: 8);
        Assert.Empty(call.Kernel.Requests);
    }

    [Fact]
    public void AWatchStartingTakesTheFlowBackAndItIsHandedOverAgainWithTheKernelsCountersFeedingRtpTimeout()
    {
        var call = new Call(new RtpLegMedia("ulaw", 0, 101), new RtpLegMedia("ulaw", 0, 101));
        using var wheel = new TimingWheel(call.Time);
        var first = call.HandOver();

        // rtp_timeout (30 s) starting on B: the flow comes back, then goes to the kernel again with a listener.
        using var watch = new RtpTimeoutWatch(call.LegB, wheel, new NoRtpTimeouts());
        watch.Start(TimeSpan.FromSeconds(30));
        Assert.True(first.Disposed);
        call.Talk(RtpRelay.KernelCheckPackets);
        var (_, _, second, packetsSeen) = call.Kernel.Requests[1];
        Assert.NotNull(packetsSeen);
        second.Applied = true;

        // The kernel's counters say B's packets kept coming: they count as received on B, not on A.
        long before = call.LegB.LastReceivedTimestamp;
        long beforeA = call.LegA.LastReceivedTimestamp;
        call.Time.Advance(TimeSpan.FromSeconds(5));
        packetsSeen!(false);
        Assert.Equal(call.Time.GetTimestamp(), call.LegB.LastReceivedTimestamp);
        Assert.NotEqual(before, call.LegB.LastReceivedTimestamp);
        Assert.Equal(beforeA, call.LegA.LastReceivedTimestamp);
        packetsSeen(true);
        Assert.Equal(call.Time.GetTimestamp(), call.LegA.LastReceivedTimestamp);
    }

    [Fact]
    public void AnRtpTimeoutShorterThanTheKernelsCounterReadsKeepsThePacketsInTheProcess()
    {
        var call = new Call(new RtpLegMedia("ulaw", 0, 101), new RtpLegMedia("ulaw", 0, 101));
        using var wheel = new TimingWheel(call.Time);
        using var watch = new RtpTimeoutWatch(call.LegA, wheel, new NoRtpTimeouts());
        watch.Start(TimeSpan.FromSeconds(5));
        call.Talk(RtpRelay.KernelCheckPackets * 3);
        Assert.Empty(call.Kernel.Requests);

        watch.Stop();
        call.Talk(RtpRelay.KernelCheckPackets);
        Assert.Single(call.Kernel.Requests);
    }

    [Fact]
    public void ARefusedRelayIsNotOfferedAgainUntilTheNextNegotiation()
    {
        var call = new Call(new RtpLegMedia("ulaw", 0, 101), new RtpLegMedia("ulaw", 0, 101));
        call.Kernel.Refuse = true;
        call.Talk(RtpRelay.KernelCheckPackets * 4);
        Assert.Single(call.Kernel.Requests);

        call.Kernel.Refuse = false;
        call.Relay.Refresh();
        call.Talk(RtpRelay.KernelCheckPackets);
        Assert.Equal(2, call.Kernel.Requests.Count);
    }

    [Fact]
    public void LegsWithoutKernelForwardingNeverAsk()
    {
        var socketA = new FakeRtpSocket(10000);
        var socketB = new FakeRtpSocket(10002);
        var kernel = new RecordingKernel();
        var legA = new RtpLeg(socketA, new RtpLegOptions { Symmetric = true, KernelForwarding = kernel });
        var legB = new RtpLeg(socketB, new RtpLegOptions { Symmetric = true });
        legA.SetMedia(new RtpLegMedia("ulaw", 0));
        legB.SetMedia(new RtpLegMedia("ulaw", 0));
        legA.SetRemote(PhoneA);
        legB.SetRemote(PhoneB);
        legA.Start();
        legB.Start();
        using var relay = new RtpRelay(legA, legB);
        relay.Start();
        for (ushort i = 1; i < 200; i++)
        {
            socketA.DeliverRtp(RtpBuilder.Audio(0, i, i * 160u, 0xA1), PhoneA);
            socketB.DeliverRtp(RtpBuilder.Audio(0, i, i * 160u, 0xB1), PhoneB);
        }

        Assert.Empty(kernel.Requests);
    }
}
