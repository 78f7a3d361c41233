using Switchboard.Media.Dtmf;
using Switchboard.Media.Rtp;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Dtmf;

public sealed class DtmfDetectorTests
{
    private sealed class Recorder : IDtmfReceiver
    {
        public List<string> Events { get; } = [];

        public void OnDtmfBegin(char digit) => Events.Add($"begin {digit}");

        public void OnDtmfEnd(char digit, int durationMs) => Events.Add($"end {digit} {durationMs}");
    }

    private static byte[] Payload(byte ev, bool end, ushort duration)
    {
        var p = new byte[4];
        new TelephoneEvent(ev, end, 10, duration).Write(p);
        return p;
    }

    private static void Send(DtmfDetector d, char digit, uint ts, int durationMs = 100, Func<int, bool>? lose = null)
    {
        var seq = new DtmfEventSequence(digit, durationMs);
        var payload = new byte[4];
        for (int i = 0; i < seq.PacketCount; i++)
        {
            seq.WritePayload(i, payload, out _);
            if (lose?.Invoke(i) != true)
            {
                d.Process(ts, payload);
            }
        }
    }

    [Fact]
    public void EachDigitOnceDespiteRepeatedEndPackets()
    {
        var r = new Recorder();
        var d = new DtmfDetector(r);
        Send(d, '1', 1000);
        Send(d, '2', 3000);
        Send(d, '2', 5000);
        Assert.Equal(["begin 1", "end 1 100", "begin 2", "end 2 100", "begin 2", "end 2 100"], r.Events);
        Assert.Equal(3, d.DigitsDetected);
    }

    [Fact]
    public void LostStartPacketsStillReportOnce()
    {
        var r = new Recorder();
        var d = new DtmfDetector(r);
        Send(d, '5', 1000, lose: i => i < 4);
        Assert.Equal(["begin 5", "end 5 100"], r.Events);
    }

    [Fact]
    public void AllEndPacketsLostIsEndedByTheNextEvent()
    {
        var r = new Recorder();
        var d = new DtmfDetector(r);
        Send(d, '7', 1000, lose: i => i >= 4);
        Assert.Equal(["begin 7"], r.Events);
        Send(d, '8', 4000);
        Assert.Equal(["begin 7", "end 7 80", "begin 8", "end 8 100"], r.Events);
    }

    [Fact]
    public void AllEndPacketsLostIsEndedByAudioAfterTimeout()
    {
        var r = new Recorder();
        var d = new DtmfDetector(r, timeoutSamples: 3000);
        Send(d, '9', 1000, lose: i => i >= 4);
        d.OnAudio(1000 + 640 + 3000);
        Assert.True(d.InProgress);
        d.OnAudio(1000 + 640 + 3001);
        Assert.False(d.InProgress);
        Assert.Equal(["begin 9", "end 9 80"], r.Events);
    }

    [Fact]
    public void LatePacketOfAnEarlierEventIsIgnored()
    {
        var r = new Recorder();
        var d = new DtmfDetector(r);
        Send(d, '1', 1000);
        Send(d, '2', 3000);
        d.Process(1000, Payload(1, false, 160));
        Assert.Equal(4, r.Events.Count);
    }

    [Fact]
    public void FlushEndsDigitInProgress()
    {
        var r = new Recorder();
        var d = new DtmfDetector(r);
        d.Process(1, Payload(11, false, 160));
        d.Flush();
        d.Flush();
        Assert.Equal(["begin #", "end # 20"], r.Events);
    }

    [Fact]
    public void MalformedAndNonDtmfEvents()
    {
        var r = new Recorder();
        var d = new DtmfDetector(r);
        Assert.False(d.Process(1, [1, 2]));
        Assert.True(d.Process(1, Payload(70, true, 160)));
        Assert.Empty(r.Events);
    }

    [ToolTheory(Tools.SipTesterDirectory)]
    [InlineData("dtmf_2833_0.pcap", '0')]
    [InlineData("dtmf_2833_1.pcap", '1')]
    [InlineData("dtmf_2833_5.pcap", '5')]
    [InlineData("dtmf_2833_9.pcap", '9')]
    [InlineData("dtmf_2833_star.pcap", '*')]
    [InlineData("dtmf_2833_pound.pcap", '#')]
    public void DetectsSippCaptures(string file, char digit)
    {
        // Real artefacts: the RFC 2833 captures SIPp ships for pcap play.
        string path = Path.Combine(Tools.SipTesterDirectory, file);
        var r = new Recorder();
        var d = new DtmfDetector(r);
        foreach (var datagram in PcapFile.ReadUdp(path))
        {
            Assert.True(RtpPacket.TryParse(datagram.Payload, out var rtp, out _));
            Assert.Equal(101, rtp.PayloadType);
            d.Process(rtp.Timestamp, rtp.Payload);
        }

        Assert.Equal($"begin {digit}", r.Events[0]);
        Assert.Equal(2, r.Events.Count);
        Assert.StartsWith($"end {digit} ", r.Events[1], StringComparison.Ordinal);
    }
}
