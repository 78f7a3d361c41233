using Switchboard.Media.Codecs;
using Switchboard.Media.Codecs.Native;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Codecs;

public sealed class NativeCodecTests
{
    private static readonly CodecRegistry Registry = new();

    /// <summary>Encodes and decodes 200 ms of a 440 Hz sine and checks the output still looks like it.</summary>
    private static void RoundTrip(IAudioCodec codec, int expectedBytesPer20Ms)
    {
        int rate = codec.Info.SampleRate;
        int frame = rate / 50;
        var input = Signals.Sine(frame * 10, rate, 440);
        var output = new short[input.Length + frame];
        var payload = new byte[2000];
        int produced = 0;
        for (int f = 0; f < 10; f++)
        {
            Assert.True(codec.TryEncode(input.AsSpan(f * frame, frame), payload, out int bytes));
            Assert.Equal(expectedBytesPer20Ms, bytes);
            Assert.True(codec.TryDecode(payload.AsSpan(0, bytes), output.AsSpan(produced), out int samples));
            Assert.Equal(frame, samples);
            produced += samples;
        }

        // Codecs delay the signal a little; compare the second half.
        var inTail = input.AsSpan(input.Length / 2);
        var outTail = output.AsSpan(produced / 2, produced / 2);
        double ratio = Signals.Rms(outTail) / Signals.Rms(inTail);
        Assert.InRange(ratio, 0.7, 1.3);
        Assert.True(Signals.BestCorrelation(inTail[..(inTail.Length / 2)], outTail, frame) > 0.8);
    }

    [ToolFact("/usr/lib/x86_64-linux-gnu/libgsm.so.1")]
    public void GsmRoundTrip()
    {
        Assert.True(Registry.TryCreate("gsm", out var codec));
        using (codec)
        {
            Assert.Equal(160, codec.Info.FrameSamples);
            RoundTrip(codec, 33);
        }
    }

    [ToolFact("/usr/lib/x86_64-linux-gnu/libbcg729.so.0")]
    public void G729RoundTrip()
    {
        Assert.True(Registry.TryCreate("g729", out var codec));
        using (codec)
        {
            RoundTrip(codec, 20);
            // Two 10-byte frames and a 2-byte SID frame (Annex B) decode to 3 x 80 samples.
            var pcm = new short[240];
            Assert.True(codec.TryDecode(new byte[22], pcm, out int samples));
            Assert.Equal(240, samples);
            Assert.False(codec.TryDecode(new byte[7], pcm, out _));
        }
    }

    [ToolFact("/usr/lib/x86_64-linux-gnu/libspandsp.so.2")]
    public void G722RoundTrip()
    {
        Assert.True(Registry.TryCreate("g722", out var codec));
        using (codec)
        {
            Assert.Equal(16000, codec.Info.SampleRate);
            Assert.Equal(8000, codec.Info.RtpClockRate);
            RoundTrip(codec, 160);
        }
    }

    [ToolFact("/usr/lib/x86_64-linux-gnu/libopus.so.0")]
    public void OpusRoundTripAtSeveralRates()
    {
        foreach (int rate in new[] { 8000, 16000, 48000 })
        {
            Assert.True(Registry.TryCreate("opus", out var codec, rate));
            using (codec)
            {
                Assert.Equal(rate, codec.Info.SampleRate);
                Assert.Equal(48000, codec.Info.RtpClockRate);
                int frame = rate / 50;
                var input = Signals.Sine(frame * 10, rate, 440);
                var payload = new byte[1500];
                var output = new short[frame * 10];
                for (int f = 0; f < 10; f++)
                {
                    Assert.True(codec.TryEncode(input.AsSpan(f * frame, frame), payload, out int bytes));
                    Assert.InRange(bytes, 1, 400);
                    Assert.True(codec.TryDecode(payload.AsSpan(0, bytes), output.AsSpan(f * frame), out int samples));
                    Assert.Equal(frame, samples);
                }

                Assert.InRange(Signals.Rms(output.AsSpan(frame * 5)) / Signals.Rms(input.AsSpan(frame * 5)), 0.6, 1.4);
            }
        }
    }

    [Fact]
    public void MissingLibraryMakesCodecUnavailableWithoutThrowing()
    {
        var names = new NativeLibraryNames { Gsm = "libswitchboard-missing-gsm.so.9", Opus = "libswitchboard-missing-opus.so.9", G729 = "libnope.so.1", SpanDsp = "libnope.so.2" };
        var logger = new ListLogger<CodecRegistry>();
        var registry = new CodecRegistry(logger, names);
        foreach (var name in new[] { "gsm", "opus", "g729", "g722" })
        {
            Assert.False(registry.IsAvailable(name));
            Assert.False(registry.TryCreate(name, out var codec));
            Assert.Null(codec);
        }

        Assert.True(registry.IsAvailable("ulaw"));
        Assert.Equal(["ulaw", "alaw", "slin", "slin16"], registry.AvailableNames());
        Assert.Equal(4, logger.Messages.Count(m => m.Contains("unavailable", StringComparison.Ordinal)));
        Assert.False(registry.TryCreateGsmWav49(out _));
    }

    [Fact]
    public void UnknownNamesAndAliases()
    {
        Assert.False(Registry.TryCreate("speex", out _));
        Assert.True(Registry.TryCreate("PCMU", out var mu));
        Assert.Equal("ulaw", mu.Info.Name);
        Assert.True(CodecRegistry.TryGetInfo("g722", out var info));
        Assert.Equal(9, info.StaticPayloadType);
    }
}
