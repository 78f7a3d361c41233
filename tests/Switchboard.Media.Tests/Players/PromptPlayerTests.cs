using Switchboard.Media.Codecs;
using Switchboard.Media.Players;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Players;

public sealed class PromptPlayerTests
{
    private static AudioClip Tone(double seconds, int rate = 8000) =>
        new(Signals.Sine((int)(seconds * rate), rate, 440), rate, "tone");

    [Fact]
    public async Task OneSecondProducesExactly50PacketsOf160BytesOnTime()
    {
        using var clock = new Clock();
        var sender = new FakeRtpSender(clock.Time);
        using var player = new PromptPlayer(clock.Wheel, sender, new MuLawCodec(), 0);
        var task = player.PlayAsync([Tone(1.0)]);
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(task.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(200));
        var result = await task;

        Assert.Equal(PlaybackStatus.Completed, result.Status);
        Assert.Equal(50, result.FramesSent);
        var packets = sender.Parsed();
        Assert.Equal(50, packets.Count);
        Assert.All(sender.Packets, p => Assert.Equal(12 + 160, p.Data.Length));
        Assert.All(packets, p => Assert.Equal(0, p.PayloadType));
        Assert.True(packets[0].Marker);
        Assert.All(packets.Skip(1), p => Assert.False(p.Marker));
        for (int i = 1; i < packets.Count; i++)
        {
            Assert.Equal((ushort)(packets[0].Sequence + i), packets[i].Sequence);
            Assert.Equal(packets[0].Timestamp + (uint)(160 * i), packets[i].Timestamp);
        }

        // Paced at 20 ms: frame n leaves at n x 20 ms (the wheel's 1 ms tick is the only slack).
        for (int i = 0; i < 50; i++)
        {
            Assert.InRange(sender.Packets[i].At.TotalMilliseconds, i * 20, (i * 20) + 1);
        }

        var decoded = new short[160];
        MuLaw.Decode(packets[10].Payload, decoded);
        Assert.True(Signals.Rms(decoded) > 4000);
    }

    [Fact]
    public async Task LateTicksCatchUpWithoutDrift()
    {
        using var clock = new Clock();
        var sender = new FakeRtpSender(clock.Time);
        using var player = new PromptPlayer(clock.Wheel, sender, new MuLawCodec(), 8);
        var task = player.PlayAsync([Tone(1.0)]);

        // The timer thread runs only every 70 ms: frames due meanwhile go out together, none is lost or added.
        clock.Advance(TimeSpan.FromMilliseconds(1100), TimeSpan.FromMilliseconds(70));
        var result = await task;
        Assert.Equal(50, result.FramesSent);
        Assert.Equal(50, sender.Packets.Count);
        Assert.InRange(sender.Packets[^1].At.TotalMilliseconds, 980, 1050);
    }

    [Fact]
    public async Task ClipsJoinAndTheLastFrameIsPadded()
    {
        using var clock = new Clock();
        var sender = new FakeRtpSender(clock.Time);
        using var player = new PromptPlayer(clock.Wheel, sender, new MuLawCodec(), 0);
        var task = player.PlayAsync([Tone(0.5), Tone(0.255)]);
        clock.Advance(TimeSpan.FromSeconds(1));
        var result = await task;
        Assert.Equal(38, result.FramesSent);
        var last = sender.Parsed()[^1];
        Assert.Equal(0xFF, last.Payload[^1]);
    }

    [Fact]
    public async Task DigitInTheInterruptSetStopsPlayback()
    {
        using var clock = new Clock();
        var sender = new FakeRtpSender(clock.Time);
        using var player = new PromptPlayer(clock.Wheel, sender, new MuLawCodec(), 0);
        var task = player.PlayAsync([Tone(2)], interruptDigits: "0123456789*#");
        clock.Advance(TimeSpan.FromMilliseconds(300));
        Assert.False(player.OnDtmf('A'));
        Assert.True(player.OnDtmf('5'));
        var result = await task;
        Assert.Equal(PlaybackStatus.Interrupted, result.Status);
        Assert.Equal('5', result.Digit);
        int sent = sender.Packets.Count;
        clock.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(sent, sender.Packets.Count);
        Assert.False(player.IsPlaying);
    }

    [Fact]
    public async Task PlaybackWithoutInterruptDigitsIgnoresDtmf()
    {
        using var clock = new Clock();
        using var player = new PromptPlayer(clock.Wheel, new FakeRtpSender(clock.Time), new MuLawCodec(), 0);
        var task = player.PlayAsync([Tone(0.1)]);
        Assert.False(player.OnDtmf('1'));
        clock.Advance(TimeSpan.FromMilliseconds(150));
        Assert.Equal(PlaybackStatus.Completed, (await task).Status);
    }

    [Fact]
    public async Task StopAndCancellation()
    {
        using var clock = new Clock();
        using var player = new PromptPlayer(clock.Wheel, new FakeRtpSender(clock.Time), new MuLawCodec(), 0);
        var first = player.PlayAsync([Tone(1)]);
        var second = player.PlayAsync([Tone(1)]);
        Assert.Equal(PlaybackStatus.Stopped, (await first).Status);
        using var cts = new CancellationTokenSource();
        var third = player.PlayAsync([Tone(1)], cancellationToken: cts.Token);
        Assert.Equal(PlaybackStatus.Stopped, (await second).Status);
        await cts.CancelAsync();
        Assert.Equal(PlaybackStatus.Stopped, (await third).Status);
    }

    [Fact]
    public async Task LoopRepeatsUntilStopped()
    {
        using var clock = new Clock();
        var sender = new FakeRtpSender(clock.Time);
        using var player = new PromptPlayer(clock.Wheel, sender, new MuLawCodec(), 0);
        var task = player.PlayAsync([Tone(0.1)], loop: true);
        clock.Advance(TimeSpan.FromMilliseconds(1000));
        Assert.False(task.IsCompleted);
        player.Stop();
        var result = await task;
        Assert.InRange(result.FramesSent, 50, 51);
    }

    [Fact]
    public async Task EmptyPlaylistCompletesAtOnce()
    {
        using var clock = new Clock();
        using var player = new PromptPlayer(clock.Wheel, new FakeRtpSender(), new MuLawCodec(), 0);
        var result = await player.PlayAsync([]);
        Assert.Equal(PlaybackStatus.Completed, result.Status);
        Assert.Equal(0, result.FramesSent);
    }

    [Fact]
    public void WrongRateIsRefused()
    {
        using var clock = new Clock();
        using var player = new PromptPlayer(clock.Wheel, new FakeRtpSender(), new MuLawCodec(), 0);
        Assert.Throws<ArgumentException>(() => { _ = player.PlayAsync([Tone(0.1, 16000)]); });
    }

    [ToolFact("/usr/lib/x86_64-linux-gnu/libspandsp.so.2")]
    public async Task WidebandChannelUsesRtpClockOf8000()
    {
        using var clock = new Clock();
        var sender = new FakeRtpSender(clock.Time);
        Assert.True(CodecRegistry.Shared.TryCreate("g722", out var g722));
        using var player = new PromptPlayer(clock.Wheel, sender, g722, 9);
        var task = player.PlayAsync([Tone(0.2, 16000)]);
        clock.Advance(TimeSpan.FromMilliseconds(250));
        Assert.Equal(10, (await task).FramesSent);
        var packets = sender.Parsed();
        Assert.All(packets, p => Assert.Equal(160, p.Payload.Length));
        Assert.Equal(packets[0].Timestamp + 160, packets[1].Timestamp);
    }

    [ToolFact("/usr/share/asterisk/sounds/en_US_f_Allison/vm-intro.wav")]
    public async Task CoreSoundPlaysTheRightNumberOfFrames()
    {
        using var clock = new Clock();
        var library = new SoundLibrary(new SoundFileLocator(Tools.SoundsDirectory), new AudioClipCache(new AudioFileLoader()));
        Assert.True(library.TryResolve("vm-intro", "en_US_f_Allison", 8000, out var clips, out var error), error);
        int samples = clips[0].Samples.Length;
        var sender = new FakeRtpSender(clock.Time);
        using var player = new PromptPlayer(clock.Wheel, sender, new MuLawCodec(), 0);
        var task = player.PlayAsync(clips);
        clock.Advance(clips[0].Duration + TimeSpan.FromMilliseconds(40));
        var result = await task;
        Assert.Equal((samples + 159) / 160, result.FramesSent);
        Assert.Equal(result.FramesSent, sender.Packets.Count);
    }
}
