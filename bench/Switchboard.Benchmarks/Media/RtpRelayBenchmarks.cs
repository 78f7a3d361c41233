using System.Net;
using BenchmarkDotNet.Attributes;
using Switchboard.Common.Media;
using Switchboard.Media.Codecs;
using Switchboard.Media.Relay;
using Switchboard.Media.Rtp;

namespace Switchboard.Benchmarks.Media;

/// <summary>
/// One RTP packet through the relay: receive-side parse, strict-RTP source check, statistics, DTMF check,
/// forwarding (same codec: header untouched; ulaw→alaw: table transcode into the forwarder's buffer), the
/// continuity rewrite and the send call. Budget: 0 bytes allocated per packet.
/// </summary>
[MemoryDiagnoser]
public class RtpRelayBenchmarks
{
    private readonly byte[] _packet = new byte[172];
    private SocketAddress _from = null!;
    private IRtpPacketSink _sameCodec = null!;
    private IRtpPacketSink _transcoding = null!;
    private ushort _seq;

    [GlobalSetup]
    public void Setup()
    {
        var phone = new IPEndPoint(IPAddress.Parse("10.0.0.1"), 4000);
        _from = phone.Serialize();
        _sameCodec = Build("ulaw", 0, "ulaw", 0, phone);
        _transcoding = Build("ulaw", 0, "alaw", 8, phone);
        RtpHeader.Write(_packet, 0, false, 0, 0, 0x1234);
    }

    private static IRtpPacketSink Build(string codecA, int ptA, string codecB, int ptB, IPEndPoint phone)
    {
        var options = new RtpLegOptions { StrictRtp = StrictRtpMode.Yes, Symmetric = true };
        var a = new RtpLeg(new NullRtpSocket(10000), options);
        var b = new RtpLeg(new NullRtpSocket(10002), options);
        a.SetRemote(phone);
        b.SetRemote(new IPEndPoint(IPAddress.Parse("10.0.0.2"), 5000));
        a.SetMedia(new RtpLegMedia(codecA, ptA, 101));
        b.SetMedia(new RtpLegMedia(codecB, ptB, 101));
        var relay = new RtpRelay(a, b, new TranscodingPathBuilder(CodecRegistry.Shared));
        relay.Start();
        return a;
    }

    private void Next()
    {
        _seq++;
        RtpHeader.SetSequenceNumber(_packet, _seq);
        RtpHeader.SetTimestamp(_packet, (uint)_seq * 160);
    }

    [Benchmark(Baseline = true)]
    public void RelaySameCodec()
    {
        Next();
        _sameCodec.OnRtpPacket(_packet, _from);
    }

    [Benchmark]
    public void RelayUlawToAlaw()
    {
        Next();
        _transcoding.OnRtpPacket(_packet, _from);
    }
}
