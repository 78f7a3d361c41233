using System.Net;
using Switchboard.Media.Codecs;
using Switchboard.Media.Players;
using Switchboard.Media.Relay;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Players;

public sealed class EchoAndRecorderTests : IDisposable
{
    private static readonly IPEndPoint Phone = new(IPAddress.Parse("10.0.0.1"), 4000);
    private readonly string _dir = Directory.CreateTempSubdirectory("sb-rec-").FullName;

    private static (RtpLeg Leg, FakeRtpSocket Socket) Leg(string codec = "ulaw", int pt = 0)
    {
        var socket = new FakeRtpSocket();
        var leg = new RtpLeg(socket, new RtpLegOptions { StrictRtp = StrictRtpMode.No });
        leg.SetRemote(Phone);
        leg.SetMedia(new RtpLegMedia(codec, pt, 101));
        leg.Start();
        return (leg, socket);
    }

    [Fact]
    public void EchoSendsEveryPacketBackWithItsOwnSsrc()
    {
        var (leg, socket) = Leg();
        var echo = new Echo();
        leg.Handler = echo;
        for (int i = 0; i < 5; i++)
        {
            socket.DeliverRtp(RtpBuilder.Audio(0, (ushort)(10 + i), (uint)(160 * i), 0xCA11E4, fill: (byte)i), Phone);
        }

        socket.DeliverRtp(RtpBuilder.Event(101, 15, 800, 0xCA11E4, 3, true, 400), Phone);
        Assert.Equal(6, echo.PacketsEchoed);
        var sent = socket.SentRtp.Select(p => RtpBuilder.Read(p.Data)).ToList();
        Assert.All(socket.SentRtp, p => Assert.Equal(Phone, p.To));
        Assert.All(sent, p => Assert.NotEqual(0xCA11E4u, p.Ssrc));
        Assert.Single(sent.Select(p => p.Ssrc).Distinct());
        Assert.Equal([10, 11, 12, 13, 14, 15], sent.Select(p => (int)p.Sequence));
        Assert.Equal(2, sent[2].Payload[0]);
        Assert.Equal(101, sent[5].PayloadType);
    }

    [Fact]
    public async Task RecorderWritesWhatArrivesAndStops()
    {
        var (leg, socket) = Leg();
        string path = Path.Combine(_dir, "msg.wav");
        using var recorder = new Recorder(path, new MuLawCodec());
        leg.Handler = recorder;
        var tone = Signals.Sine(1600, 8000, 400, 6000);
        for (int f = 0; f < 10; f++)
        {
            var packet = RtpBuilder.Audio(0, (ushort)f, (uint)(f * 160), 1);
            MuLaw.Encode(tone.AsSpan(f * 160, 160), packet.AsSpan(12));
            socket.DeliverRtp(packet, Phone);
        }

        socket.DeliverRtp(RtpBuilder.Event(101, 11, 1600, 1, 11, true, 800), Phone);
        recorder.Stop();
        var result = await recorder.Completion;
        Assert.Equal(RecordingEnd.Stopped, result.End);
        Assert.Equal(TimeSpan.FromMilliseconds(200), result.Duration);
        Assert.True(new AudioFileLoader().TryLoad(path, out var clip, out var error), error);
        Assert.Equal(1600, clip.Samples.Length);
        Assert.True(Signals.BestCorrelation(tone, clip.Samples.Span, 0) > 0.99);
    }

    [Fact]
    public async Task RecorderStopsAtMaxDuration()
    {
        string path = Path.Combine(_dir, "max.wav");
        using var recorder = new Recorder(path, new MuLawCodec(), maxDuration: TimeSpan.FromMilliseconds(50));
        var payload = new byte[160];
        MuLaw.Encode(Signals.Sine(160, 8000, 400), payload);
        for (int i = 0; i < 5; i++)
        {
            recorder.Append(payload);
        }

        var result = await recorder.Completion;
        Assert.Equal(RecordingEnd.MaxDuration, result.End);
        Assert.Equal(TimeSpan.FromMilliseconds(50), result.Duration);
    }

    [Fact]
    public async Task RecorderStopsAfterSilenceFollowingSound()
    {
        string path = Path.Combine(_dir, "silence.wav");
        using var recorder = new Recorder(path, new MuLawCodec(), silence: TimeSpan.FromMilliseconds(100));
        var quiet = Enumerable.Repeat((byte)0xFF, 160).ToArray();
        var loud = new byte[160];
        MuLaw.Encode(Signals.Sine(160, 8000, 400, 5000), loud);

        // Leading silence does not end the recording; silence after speech does.
        for (int i = 0; i < 10; i++)
        {
            recorder.Append(quiet);
        }

        Assert.False(recorder.Completion.IsCompleted);
        recorder.Append(loud);
        for (int i = 0; i < 4; i++)
        {
            recorder.Append(quiet);
        }

        Assert.False(recorder.Completion.IsCompleted);
        recorder.Append(quiet);
        var result = await recorder.Completion;
        Assert.Equal(RecordingEnd.Silence, result.End);
        Assert.Equal(TimeSpan.FromMilliseconds(320), result.Duration);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
