using Switchboard.Media.Dtmf;
using Switchboard.Media.Players;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Players;

public sealed class DtmfSenderTests
{
    private sealed class Digits : IDtmfReceiver
    {
        public string Text { get; private set; } = string.Empty;

        public void OnDtmfBegin(char digit)
        {
        }

        public void OnDtmfEnd(char digit, int durationMs) => Text += digit;
    }

    [Fact]
    public async Task SendsEachDigitAsRfc4733EventsThatADetectorReadsBack()
    {
        using var clock = new Clock();
        var sender = new FakeRtpSender(clock.Time);
        var dtmf = new DtmfSender(clock.Wheel, sender, 101);
        var task = dtmf.SendAsync("12x#", durationMs: 100, pauseMs: 100);
        clock.Advance(TimeSpan.FromSeconds(2));
        await task;

        var packets = sender.Parsed();
        Assert.Equal(3 * 7, packets.Count);
        Assert.All(packets, p => Assert.Equal(101, p.PayloadType));
        Assert.Equal(3, packets.Count(p => p.Marker));
        Assert.Equal(3, packets.Select(p => p.Timestamp).Distinct().Count());
        for (int i = 1; i < packets.Count; i++)
        {
            Assert.Equal((ushort)(packets[0].Sequence + i), packets[i].Sequence);
        }

        // Within a digit, one packet per 20 ms (7 packets); the next digit starts after those 140 ms and the
        // 100 ms pause, and its timestamp is 240 ms later too.
        Assert.Equal(20, (sender.Packets[1].At - sender.Packets[0].At).TotalMilliseconds, 1.0);
        Assert.Equal(240, (sender.Packets[7].At - sender.Packets[0].At).TotalMilliseconds, 1.0);
        Assert.Equal(1920u, packets[7].Timestamp - packets[0].Timestamp);

        var read = new Digits();
        var detector = new DtmfDetector(read);
        foreach (var p in packets)
        {
            detector.Process(p.Timestamp, p.Payload);
        }

        Assert.Equal("12#", read.Text);
    }

    [Fact]
    public async Task NothingToSendCompletesAtOnce()
    {
        using var clock = new Clock();
        var sender = new FakeRtpSender(clock.Time);
        await new DtmfSender(clock.Wheel, sender, 101).SendAsync("xyz");
        Assert.Empty(sender.Packets);
    }
}
