using System.Net;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Common.Media;
using Switchboard.Media.Codecs;
using Switchboard.Media.Relay;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Relay;

public sealed class RtpRelayTests
{
    private static readonly IPEndPoint PhoneA = new(IPAddress.Parse("10.0.0.1"), 4000);
    private static readonly IPEndPoint PhoneB = new(IPAddress.Parse("10.0.0.2"), 5000);

    private sealed class Call
    {
        public Call(RtpLegMedia mediaA, RtpLegMedia mediaB, RtpLegOptions? options = null)
        {
            SocketA = new FakeRtpSocket(10000);
            SocketB = new FakeRtpSocket(10002);
            LegA = new RtpLeg(SocketA, options ?? new RtpLegOptions { Name = "A", StrictRtp = StrictRtpMode.No }, Time);
            LegB = new RtpLeg(SocketB, options ?? new RtpLegOptions { Name = "B", StrictRtp = StrictRtpMode.No }, Time);
            LegA.SetRemote(PhoneA);
            LegB.SetRemote(PhoneB);
            LegA.SetMedia(mediaA);
            LegB.SetMedia(mediaB);
            LegA.Start();
            LegB.Start(near: LegA);
            Relay = new RtpRelay(LegA, LegB, new TranscodingPathBuilder(new CodecRegistry()));
            Relay.Start();
        }

        public FakeTimeProvider Time { get; } = new();

        public FakeRtpSocket SocketA { get; }

        public FakeRtpSocket SocketB { get; }

        public RtpLeg LegA { get; }

        public RtpLeg LegB { get; }

        public RtpRelay Relay { get; }
    }

    private sealed class DigitLog : IDtmfListener
    {
        public List<string> Digits { get; } = [];

        public void OnDtmfBegin(RtpLeg leg, char digit) => Digits.Add($"{leg.Name}:begin:{digit}");

        public void OnDtmfEnd(RtpLeg leg, char digit, int durationMs) => Digits.Add($"{leg.Name}:end:{digit}");
    }

    [Fact]
    public void ALegStartedNearAnotherAsksItsSocketForTheOtherLegsReceiveThread()
    {
        // The dialled leg starts next to the caller's (DialAttempt): its socket is started with the caller's socket as
        // neighbour, so the transport serves both from one thread; a leg started alone names none.
        var call = new Call(new RtpLegMedia("ulaw", 0, 101), new RtpLegMedia("ulaw", 0, 101));
        Assert.Same(call.SocketA, call.SocketB.StartedNear);
        Assert.Null(call.SocketA.StartedNear);
    }

    [Fact]
    public void ALegsPrefetchListFollowsAPacketThroughTheRelayToTheOtherLegsSocket()
    {
        // The receive thread prefetches what a packet will touch: the leg, its learned source, the relay, the
        // forwarder, the other leg, where it sends to and its socket's own list.
        var call = new Call(new RtpLegMedia("ulaw", 0, 101), new RtpLegMedia("ulaw", 0, 101));
        call.SocketA.DeliverRtp(RtpBuilder.Audio(0, 1, 160, 0xA1), PhoneA);
        call.SocketB.DeliverRtp(RtpBuilder.Audio(0, 1, 160, 0xB1), PhoneB);
        var objects = new object?[32];
        var lines = new byte[32];
        var list = new RtpPrefetchList(objects, lines);
        ((IRtpPacketSink)call.LegA).CollectPrefetch(ref list);

        var collected = objects.Take(list.Count).ToList();
        Assert.Same(call.LegA, collected[0]);
        Assert.Contains(call.Relay, collected);
        Assert.Contains(call.LegB, collected);
        Assert.Contains(call.SocketB, collected);
        Assert.Contains(collected, o => o is RtpForwarder);
        Assert.Contains(collected, o => o is System.Net.SocketAddress a && SocketAddresses.ToEndPoint(a)!.Equals(PhoneB));
        Assert.All(lines.Take(list.Count), l => Assert.InRange(l, (byte)1, (byte)8));
        Assert.DoesNotContain(collected, o => o is null);
    }

    [Fact]
    public void APrefetchListIgnoresNullsAndStopsAtItsCapacity()
    {
        var objects = new object?[2];
        var list = new RtpPrefetchList(objects, new byte[2]);
        list.Add(null);
        list.Add("a", 20);
        list.Add("b");
        list.Add("c");
        Assert.Equal(2, list.Count);
        Assert.Equal(new object?[] { "a", "b" }, objects);
    }

    [Fact]
    public void SameCodecIsForwardedByteForByte()
    {
        var call = new Call(new RtpLegMedia("ulaw", 0, 101), new RtpLegMedia("ulaw", 0, 101));
        for (int i = 0; i < 10; i++)
        {
            var packet = RtpBuilder.Audio(0, (ushort)(100 + i), (uint)(i * 160), 0xA1, fill: (byte)i);
            call.SocketA.DeliverRtp((byte[])packet.Clone(), PhoneA);
            Assert.Equal(packet, call.SocketB.SentRtp[i].Data);
            Assert.Equal(PhoneB, call.SocketB.SentRtp[i].To);
        }

        Assert.Equal(10, call.Relay.ForwardedAToB);
        Assert.False(call.Relay.IsTranscoding);
        Assert.Null(call.Relay.PathAToB);
        var stats = call.LegA.GetStatistics();
        Assert.Equal(10, stats.PacketsReceived);
        Assert.Equal(0, stats.PacketsLost);
        Assert.Equal(10, call.LegB.GetStatistics().PacketsSent);
    }

    [Fact]
    public void BothDirectionsAndRtcp()
    {
        var call = new Call(new RtpLegMedia("alaw", 8), new RtpLegMedia("alaw", 8));
        call.SocketB.DeliverRtp(RtpBuilder.Audio(8, 1, 0, 0xB1), PhoneB);
        Assert.Single(call.SocketA.SentRtp);
        Assert.Equal(PhoneA, call.SocketA.SentRtp[0].To);

        var rr = Rtp.RtcpPacketTests.ReceiverReportWithSdes();
        call.SocketA.DeliverRtcp(rr, new IPEndPoint(PhoneA.Address, PhoneA.Port + 1));
        var sent = Assert.Single(call.SocketB.SentRtcp);
        Assert.Equal(rr, sent.Data);
        Assert.Equal(new IPEndPoint(PhoneB.Address, PhoneB.Port + 1), sent.To);

        call.SocketA.DeliverRtcp([1, 2, 3, 4, 5, 6, 7, 8], PhoneA);
        Assert.Single(call.SocketB.SentRtcp);
        Assert.Equal(1, call.LegA.GetStatistics().PacketsMalformed);
    }

    [Fact]
    public void PayloadNumbersAreMappedBetweenLegs()
    {
        var a = new RtpLegMedia([new RtpCodecBinding(0, "ulaw", 8000), new RtpCodecBinding(8, "alaw", 8000)], 101);
        var b = new RtpLegMedia([new RtpCodecBinding(8, "alaw", 8000), new RtpCodecBinding(0, "ulaw", 8000)], 96);
        var call = new Call(a, b);
        call.SocketA.DeliverRtp(RtpBuilder.Audio(8, 1, 0, 1), PhoneA);
        call.SocketA.DeliverRtp(RtpBuilder.Event(101, 2, 160, 1, 5, false, 160, marker: true), PhoneA);
        Assert.Equal(8, RtpBuilder.Read(call.SocketB.SentRtp[0].Data).PayloadType);
        var ev = RtpBuilder.Read(call.SocketB.SentRtp[1].Data);
        Assert.Equal(96, ev.PayloadType);
        Assert.True(ev.Marker);
        Assert.Equal(0, call.Relay.TranscodedAToB);
    }

    [Fact]
    public void RenumberedDynamicPayloadTypesUseTheRemotesNumbers()
    {
        // We offered opus as 107 and telephone-event as 101 to B; B answered with 111 and 96. Each side receives
        // the numbers it declared (RFC 3264 §5.1): B sends us 107/101, we send B 111/96.
        var a = new RtpLegMedia([new RtpCodecBinding(96, "opus", 48000)], 97);
        var b = new RtpLegMedia([new RtpCodecBinding(107, "opus", 48000, SendPayloadType: 111)], 101, 8000, telephoneEventSendPayloadType: 96);
        var call = new Call(a, b);
        call.SocketA.DeliverRtp(RtpBuilder.Audio(96, 1, 0, 1, 40), PhoneA);
        call.SocketA.DeliverRtp(RtpBuilder.Event(97, 2, 0, 1, 1, false, 160), PhoneA);
        Assert.Equal([111, 96], call.SocketB.SentRtp.Select(p => RtpBuilder.Read(p.Data).PayloadType));
        call.SocketB.DeliverRtp(RtpBuilder.Audio(107, 1, 0, 2, 40), PhoneB);
        Assert.Equal(96, RtpBuilder.Read(call.SocketA.SentRtp[0].Data).PayloadType);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RtpLegMedia("ulaw", 128));
    }

    [Fact]
    public void UlawToAlawIsTranscodedWithTables()
    {
        var call = new Call(new RtpLegMedia("ulaw", 0), new RtpLegMedia("alaw", 8));
        var mu = new byte[160];
        MuLaw.Encode(Signals.Sine(160, 8000, 1000, 10000), mu);
        var packet = RtpBuilder.Audio(0, 7, 1600, 0xC1);
        mu.CopyTo(packet, 12);
        call.SocketA.DeliverRtp(packet, PhoneA);
        var sent = RtpBuilder.Read(Assert.Single(call.SocketB.SentRtp).Data);
        Assert.Equal(8, sent.PayloadType);
        Assert.Equal(7, sent.Sequence);
        Assert.Equal(1600u, sent.Timestamp);
        for (int i = 0; i < 160; i++)
        {
            Assert.Equal(G711Transcoding.MuLawToALaw(mu[i]), sent.Payload[i]);
        }

        Assert.True(call.Relay.IsTranscoding);
        Assert.Equal("ulaw -> alaw (table)", call.Relay.PathAToB);

        call.SocketB.DeliverRtp(RtpBuilder.Audio(8, 1, 0, 0xD1, fill: 0xD5), PhoneB);
        var back = RtpBuilder.Read(Assert.Single(call.SocketA.SentRtp).Data);
        Assert.Equal(0, back.PayloadType);
        Assert.All(back.Payload, b => Assert.Equal(MuLaw.Encode(ALaw.Decode(0xD5)), b));
    }

    [Fact]
    public void TelephoneEventIsReportedAndPassedThrough()
    {
        var call = new Call(new RtpLegMedia("ulaw", 0, 101), new RtpLegMedia("ulaw", 0, 101));
        var log = new DigitLog();
        call.LegA.DtmfListener = log;
        ushort seq = 1;
        foreach (var (ev, end, duration) in new[] { (4, false, 160), (4, false, 320), (4, true, 480), (4, true, 480), (4, true, 480) })
        {
            call.SocketA.DeliverRtp(RtpBuilder.Event(101, seq++, 8000, 1, (byte)ev, end, (ushort)duration), PhoneA);
        }

        Assert.Equal(["A:begin:4", "A:end:4"], log.Digits);
        Assert.Equal(5, call.SocketB.SentRtp.Count);
    }

    [Fact]
    public void TelephoneEventIsDroppedWhenTheOtherLegHasNone()
    {
        var call = new Call(new RtpLegMedia("ulaw", 0, 101), new RtpLegMedia("ulaw", 0));
        var log = new DigitLog();
        call.LegA.DtmfListener = log;
        call.SocketA.DeliverRtp(RtpBuilder.Event(101, 1, 8000, 1, 11, true, 800), PhoneA);
        Assert.Empty(call.SocketB.SentRtp);
        Assert.Equal(["A:begin:#", "A:end:#"], log.Digits);
        Assert.Equal(1, call.Relay.DroppedAToB);
    }

    [Fact]
    public void UnnegotiatedPayloadTypeIsDropped()
    {
        var call = new Call(new RtpLegMedia("ulaw", 0), new RtpLegMedia("ulaw", 0));
        call.SocketA.DeliverRtp(RtpBuilder.Audio(13, 1, 0, 1, 1), PhoneA);
        Assert.Empty(call.SocketB.SentRtp);
        Assert.Equal(1, call.Relay.DroppedAToB);
    }

    [Fact]
    public void GarbageIsCountedAndDropped()
    {
        var call = new Call(new RtpLegMedia("ulaw", 0), new RtpLegMedia("ulaw", 0));
        call.SocketA.DeliverRtp([0x80, 0x00, 0x01], PhoneA);
        call.SocketA.DeliverRtp(new byte[50], PhoneA);
        Assert.Empty(call.SocketB.SentRtp);
        Assert.Equal(2, call.LegA.GetStatistics().PacketsMalformed);
    }

    [Fact]
    public void SymmetricSendsToTheLearnedSourceAndStrictDropsStrangers()
    {
        var options = new RtpLegOptions { Name = "nat", Symmetric = true, StrictRtp = StrictRtpMode.Yes, Probation = 2 };
        var call = new Call(new RtpLegMedia("ulaw", 0), new RtpLegMedia("ulaw", 0), options);
        var natted = new IPEndPoint(IPAddress.Parse("203.0.113.5"), 62000);
        var stranger = new IPEndPoint(IPAddress.Parse("198.51.100.7"), 1234);

        // Before A sends anything, B's audio goes to A's SDP address.
        call.SocketB.DeliverRtp(RtpBuilder.Audio(0, 1, 0, 0xB), PhoneB);
        Assert.Equal(PhoneA, call.SocketA.SentRtp[^1].To);

        // A is behind NAT: its packets come from another address; strict RTP learns it after probation.
        call.SocketA.DeliverRtp(RtpBuilder.Audio(0, 10, 0, 0xA), natted);
        Assert.Empty(call.SocketB.SentRtp);
        Assert.True(call.LegA.IsStrictLearning);
        call.SocketA.DeliverRtp(RtpBuilder.Audio(0, 11, 160, 0xA), natted);
        Assert.Single(call.SocketB.SentRtp);
        Assert.False(call.LegA.IsStrictLearning);

        call.SocketB.DeliverRtp(RtpBuilder.Audio(0, 2, 160, 0xB), PhoneB);
        Assert.Equal(natted, call.SocketA.SentRtp[^1].To);

        call.SocketA.DeliverRtp(RtpBuilder.Audio(0, 12, 320, 0xA), stranger);
        call.SocketA.DeliverRtp(RtpBuilder.Audio(0, 13, 480, 0xA), stranger);
        Assert.Single(call.SocketB.SentRtp);
        Assert.Equal(3, call.LegA.GetStatistics().PacketsDropped);
        Assert.Equal(natted, call.LegA.GetStatistics().RemoteSource);

        // A re-INVITE with a new address restarts learning.
        var moved = new IPEndPoint(IPAddress.Parse("10.0.0.9"), 4100);
        call.LegA.SetRemote(moved);
        call.SocketA.DeliverRtp(RtpBuilder.Audio(0, 14, 640, 0xA), moved);
        Assert.Equal(2, call.SocketB.SentRtp.Count);
    }

    [Fact]
    public void WithoutSymmetricMediaGoesToTheSdpAddress()
    {
        var options = new RtpLegOptions { Name = "plain", Symmetric = false, StrictRtp = StrictRtpMode.No };
        var call = new Call(new RtpLegMedia("ulaw", 0), new RtpLegMedia("ulaw", 0), options);
        call.SocketA.DeliverRtp(RtpBuilder.Audio(0, 1, 0, 0xA), new IPEndPoint(IPAddress.Parse("203.0.113.5"), 62000));
        call.SocketB.DeliverRtp(RtpBuilder.Audio(0, 1, 0, 0xB), PhoneB);
        Assert.Equal(PhoneA, call.SocketA.SentRtp[^1].To);
    }

    [Fact]
    public void SourceSwitchKeepsTheOutgoingStreamContinuous()
    {
        var call = new Call(new RtpLegMedia("ulaw", 0), new RtpLegMedia("ulaw", 0));
        call.SocketA.DeliverRtp(RtpBuilder.Audio(0, 500, 8000, 0x1111), PhoneA);
        call.SocketA.DeliverRtp(RtpBuilder.Audio(0, 501, 8160, 0x1111), PhoneA);
        call.Time.Advance(TimeSpan.FromMilliseconds(20));

        // The source restarts with a new SSRC and unrelated numbers (e.g. after a transfer on A's side).
        call.SocketA.DeliverRtp(RtpBuilder.Audio(0, 9, 77777, 0x2222), PhoneA);
        call.Time.Advance(TimeSpan.FromMilliseconds(20));
        call.SocketA.DeliverRtp(RtpBuilder.Audio(0, 10, 77937, 0x2222), PhoneA);

        var sent = call.SocketB.SentRtp.Select(p => RtpBuilder.Read(p.Data)).ToList();
        Assert.All(sent, p => Assert.Equal(0x1111u, p.Ssrc));
        Assert.Equal([500, 501, 502, 503], sent.Select(p => (int)p.Sequence));
        Assert.Equal([8000u, 8160u, 8320u, 8480u], sent.Select(p => p.Timestamp));
        Assert.True(sent[2].Marker);
        Assert.False(sent[3].Marker);
    }

    [Fact]
    public void RefreshAfterReNegotiation()
    {
        var call = new Call(new RtpLegMedia("ulaw", 0), new RtpLegMedia("ulaw", 0));
        call.LegB.SetMedia(new RtpLegMedia("alaw", 8));
        call.Relay.Refresh();
        call.SocketA.DeliverRtp(RtpBuilder.Audio(0, 1, 0, 1), PhoneA);
        Assert.Equal(8, RtpBuilder.Read(call.SocketB.SentRtp[0].Data).PayloadType);
        call.Relay.Stop();
        call.SocketA.DeliverRtp(RtpBuilder.Audio(0, 2, 160, 1), PhoneA);
        Assert.Single(call.SocketB.SentRtp);
        Assert.Equal(2, call.LegA.GetStatistics().PacketsReceived);
    }

    [Fact]
    public void RelayingAllocatesNothingPerPacket()
    {
        var call = new Call(new RtpLegMedia("ulaw", 0, 101), new RtpLegMedia("alaw", 8, 101));
        call.SocketB.Record = false;
        var packet = RtpBuilder.Audio(0, 0, 0, 0xAB);
        var from = PhoneA.Serialize();
        IRtpPacketSinkAccess sink = new(call.LegA);

        void Relay(int count, ushort start)
        {
            for (int i = 0; i < count; i++)
            {
                Rtp.RtpHeaderAccess.Set(packet, (ushort)(start + i), (uint)((start + i) * 160));
                sink.Deliver(packet, from);
            }
        }

        Relay(200, 0);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Relay(2000, 200);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(2200, call.SocketB.SendCount);
    }

    [Fact]
    public void DisposeReleasesThePort()
    {
        var released = new List<int>();
        var socket = new FakeRtpSocket(12000);
        var leg = new RtpLeg(socket, releasePort: released.Add);
        leg.Dispose();
        leg.Dispose();
        Assert.True(socket.Disposed);
        Assert.Equal([12000], released);
        Assert.False(leg.SendRtp(RtpBuilder.Audio(0, 1, 1, 1)));
    }
}

/// <summary>Delivers into a leg through its sink interface without allocating.</summary>
internal readonly struct IRtpPacketSinkAccess(Switchboard.Common.Media.IRtpPacketSink sink)
{
    public void Deliver(byte[] packet, SocketAddress from) => sink.OnRtpPacket(packet, from);
}
