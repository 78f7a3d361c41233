using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Common.Timing;
using Switchboard.Core.Pjsip.Calls;
using Switchboard.Dialplan.Execution;
using Switchboard.Media.Players;
using Switchboard.Media.Relay;
using PlaybackResult = Switchboard.Dialplan.Execution.PlaybackResult;

namespace Switchboard.Core.Tests.Pjsip.Calls.Media;

/// <summary>
/// A channel's dialplan media on a leg with a fake socket and a fake clock: prompts as 20 ms µ-law frames, stop
/// digits, Asterisk's digit handling (discarded during Playback, queued otherwise), waits, Echo until '#'.
/// </summary>
public sealed class ChannelMediaControlTests : IDisposable
{
    private static readonly IPEndPoint Peer = new(IPAddress.Loopback, 40000);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly TimingWheel _wheel;
    private readonly FakeRtpSocket _socket = new();
    private readonly RtpLeg _leg;
    private readonly TaskCompletionSource _hungUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ChannelMediaControl _media;
    private readonly string _sounds = Directory.CreateTempSubdirectory("sb-media-ctl-").FullName;
    private ushort _seq = 100;

    public ChannelMediaControlTests()
    {
        _wheel = new TimingWheel(_time);
        Directory.CreateDirectory(Path.Combine(_sounds, "en"));
        WriteWav("beep", 1000);
        WriteWav("long", 8000);
        _leg = new RtpLeg(_socket, new RtpLegOptions { StrictRtp = StrictRtpMode.No, Name = "test" }, _time);
        _leg.Start();
        _leg.SetMedia(new RtpLegMedia("ulaw", 0, 101));
        _leg.SetRemote(Peer);
        var options = new ChannelMediaOptions
        {
            Wheel = _wheel,
            Sounds = new SoundLibrary(new SoundFileLocator(_sounds), new AudioClipCache(new AudioFileLoader())),
        };
        _media = new ChannelMediaControl(_leg, options, _hungUp.Task, "PJSIP/test-00000001", NullLogger.Instance);
    }

    [Fact]
    public async Task Prompt_is_sent_as_20ms_ulaw_frames_the_last_one_padded()
    {
        var play = _media.PlayAsync("beep", string.Empty, "en", CancellationToken.None).AsTask();
        Advance(TimeSpan.FromMilliseconds(200));
        var result = await play.WaitAsync(Wait);
        Assert.Equal(PlaybackOutcome.Completed, result.Outcome);
        var sent = _socket.Sent;
        Assert.Equal(7, sent.Count); // 1000 samples = 6.25 frames of 160
        Assert.All(sent, p => Assert.Equal(12 + 160, p.Length));
        Assert.All(sent, p => Assert.Equal(0, p[1] & 0x7F));
    }

    [Fact]
    public async Task Stop_digit_interrupts_the_prompt_and_is_returned()
    {
        var play = _media.PlayAsync("long", "12", "en", CancellationToken.None).AsTask();
        Advance(TimeSpan.FromMilliseconds(100));
        SendDigit('2');
        var result = await play.WaitAsync(Wait);
        Assert.Equal(PlaybackResult.InterruptedBy('2'), result);
        Assert.InRange(_socket.Sent.Count, 1, 10);
        Assert.Equal(0, _media.QueuedDigits);
    }

    [Fact]
    public async Task Digit_outside_the_stop_set_during_playback_is_discarded()
    {
        var play = _media.PlayAsync("beep", string.Empty, "en", CancellationToken.None).AsTask();
        Advance(TimeSpan.FromMilliseconds(40));
        SendDigit('5');
        Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(PlaybackOutcome.Completed, (await play.WaitAsync(Wait)).Outcome);
        Assert.Equal(0, _media.QueuedDigits);
    }

    [Fact]
    public async Task Digits_without_a_reader_are_queued_in_order()
    {
        SendDigit('4');
        SendDigit('#');
        _media.OnInfoDigit('9');
        Assert.Equal(DigitResult.Of('4'), await _media.WaitForDigitAsync(Wait, _time, CancellationToken.None));
        Assert.Equal(DigitResult.Of('#'), await _media.WaitForDigitAsync(Wait, _time, CancellationToken.None));
        Assert.Equal(DigitResult.Of('9'), await _media.WaitForDigitAsync(Wait, _time, CancellationToken.None));
    }

    [Fact]
    public async Task Queued_stop_digit_interrupts_the_next_prompt_before_it_starts()
    {
        SendDigit('3');
        var result = await _media.PlayAsync("long", "3", "en", CancellationToken.None);
        Assert.Equal(PlaybackResult.InterruptedBy('3'), result);
        Assert.Empty(_socket.Sent);
    }

    [Fact]
    public async Task Wait_for_a_digit_gets_one_sent_later_or_times_out()
    {
        var wait = _media.WaitForDigitAsync(TimeSpan.FromSeconds(5), _time, CancellationToken.None).AsTask();
        Advance(TimeSpan.FromMilliseconds(50));
        SendDigit('7');
        Assert.Equal(DigitResult.Of('7'), await wait.WaitAsync(Wait));

        var timeout = _media.WaitForDigitAsync(TimeSpan.FromSeconds(1), _time, CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(DigitResult.Timeout, await timeout.WaitAsync(Wait));
    }

    [Fact]
    public async Task Hangup_ends_a_wait_and_a_prompt()
    {
        var wait = _media.WaitForDigitAsync(TimeSpan.FromSeconds(30), _time, CancellationToken.None).AsTask();
        var play = Task.Run(async () => await _media.PlayAsync("long", string.Empty, "en", CancellationToken.None));
        await Task.Delay(50);
        _hungUp.SetResult();
        Assert.Equal(DigitResult.HungUp, await wait.WaitAsync(Wait));
        Assert.Equal(PlaybackResult.HungUp, await play.WaitAsync(Wait));
    }

    [Fact]
    public async Task Missing_file_is_not_found_and_sends_nothing()
    {
        Assert.Equal(PlaybackResult.NotFound, await _media.PlayAsync("nosuch", string.Empty, "en", CancellationToken.None));
        Assert.Empty(_socket.Sent);
    }

    [Fact]
    public async Task Echo_sends_received_audio_back_until_pound()
    {
        var echo = _media.EchoAsync(CancellationToken.None).AsTask();
        await WaitUntilAsync(() => _leg.Handler is not null);
        for (int i = 0; i < 3; i++)
        {
            _socket.Deliver(Audio(), Peer);
        }

        SendDigit('5');
        Assert.False(echo.IsCompleted);
        SendDigit('#');
        Assert.Equal(DigitResult.Of('#'), await echo.WaitAsync(Wait));
        Assert.Null(_leg.Handler);
        Assert.True(_socket.Sent.Count >= 3);
    }

    [Fact]
    public void Digits_while_bridged_go_to_the_other_party_not_to_the_dialplan()
    {
        using var other = new RtpLeg(new FakeRtpSocket(), new RtpLegOptions { StrictRtp = StrictRtpMode.No, Name = "other" }, _time);
        other.Start();
        other.SetMedia(new RtpLegMedia("ulaw", 0, 101));
        other.SetRemote(new IPEndPoint(IPAddress.Loopback, 40002));
        using var relay = new RtpRelay(_leg, other);
        relay.Start();
        SendDigit('5');
        Assert.Equal(0, _media.QueuedDigits);
        relay.Stop();
        SendDigit('6');
        Assert.Equal(1, _media.QueuedDigits);
    }

    public void Dispose()
    {
        _media.Dispose();
        _leg.Dispose();
        _wheel.Dispose();
        Directory.Delete(_sounds, recursive: true);
    }

    private void Advance(TimeSpan span)
    {
        for (var t = TimeSpan.Zero; t < span; t += TimeSpan.FromMilliseconds(1))
        {
            _time.Advance(TimeSpan.FromMilliseconds(1));
            _wheel.RunDue();
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }

    private void WriteWav(string name, int samples)
    {
        using var wav = new WavWriter(Path.Combine(_sounds, "en", name + ".wav"));
        var pcm = new short[samples];
        for (int i = 0; i < samples; i++)
        {
            pcm[i] = (short)(6000 * Math.Sin(2 * Math.PI * 440 * i / 8000));
        }

        wav.Write(pcm);
    }

    private byte[] Audio()
    {
        var p = new byte[12 + 160];
        Header(p, 0, marker: false, timestamp: 1000);
        return p;
    }

    /// <summary>One RFC 4733 event: a start packet and three end packets (the end is retransmitted, reported once).</summary>
    private void SendDigit(char digit)
    {
        int code = digit switch { '*' => 10, '#' => 11, >= 'A' and <= 'D' => 12 + (digit - 'A'), _ => digit - '0' };
        uint ts = (uint)(_seq * 160);
        _socket.Deliver(Event(code, end: false, 160, ts, marker: true), Peer);
        for (int i = 0; i < 3; i++)
        {
            _socket.Deliver(Event(code, end: true, 800, ts, marker: false), Peer);
        }
    }

    private byte[] Event(int code, bool end, int duration, uint timestamp, bool marker)
    {
        var p = new byte[16];
        Header(p, 101, marker, timestamp);
        p[12] = (byte)code;
        p[13] = (byte)((end ? 0x80 : 0) | 10);
        p[14] = (byte)(duration >> 8);
        p[15] = (byte)duration;
        return p;
    }

    private void Header(byte[] p, int payloadType, bool marker, uint timestamp)
    {
        ushort seq = _seq++;
        p[0] = 0x80;
        p[1] = (byte)((marker ? 0x80 : 0) | payloadType);
        p[2] = (byte)(seq >> 8);
        p[3] = (byte)seq;
        p[4] = (byte)(timestamp >> 24);
        p[5] = (byte)(timestamp >> 16);
        p[6] = (byte)(timestamp >> 8);
        p[7] = (byte)timestamp;
        p[11] = 0x42;
    }
}
