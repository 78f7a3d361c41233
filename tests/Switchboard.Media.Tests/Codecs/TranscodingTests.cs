using Switchboard.Media.Codecs;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Codecs;

public sealed class TranscodingTests
{
    private static readonly TranscodingPathBuilder Paths = new(new CodecRegistry());

    [Fact]
    public void UlawToAlawUsesTheTable()
    {
        Assert.True(Paths.TryBuild("ulaw", "alaw", out var t, out _));
        Assert.IsType<G711Transcoder>(t);
        Assert.Equal("ulaw -> alaw (table)", t.Path);
        var mu = new byte[160];
        MuLaw.Encode(Signals.Sine(160, 8000, 1000), mu);
        var a = new byte[160];
        Assert.True(t.TryTranscode(mu, a, out int n));
        Assert.Equal(160, n);
        for (int i = 0; i < 160; i++)
        {
            Assert.Equal(ALaw.Encode(MuLaw.Decode(mu[i])), a[i]);
        }
    }

    [Fact]
    public void SameCodecNeedsNoPath()
    {
        Assert.False(Paths.TryBuild("ulaw", "ULAW", out _, out var error));
        Assert.Contains("no transcoding", error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCodecIsReported()
    {
        Assert.False(Paths.TryBuild("ulaw", "speex", out _, out var error));
        Assert.Contains("speex", error, StringComparison.Ordinal);
    }

    [ToolFact("/usr/lib/x86_64-linux-gnu/libgsm.so.1")]
    public void GsmToUlawThroughLinear()
    {
        var registry = new CodecRegistry();
        Assert.True(registry.TryCreate("gsm", out var gsm));
        var pcm = Signals.Sine(1600, 8000, 440);
        Assert.True(Paths.TryBuild("gsm", "ulaw", out var t, out _));
        Assert.Equal("gsm -> slin -> ulaw", t.Path);
        var decoded = new List<short>();
        var gsmFrame = new byte[33];
        var mu = new byte[400];
        for (int f = 0; f < 10; f++)
        {
            Assert.True(gsm.TryEncode(pcm.AsSpan(f * 160, 160), gsmFrame, out _));
            Assert.True(t.TryTranscode(gsmFrame, mu, out int n));
            Assert.Equal(160, n);
            foreach (byte b in mu.AsSpan(0, n))
            {
                decoded.Add(MuLaw.Decode(b));
            }
        }

        Assert.True(Signals.BestCorrelation(pcm.AsSpan(800, 400), decoded.ToArray().AsSpan(800), 160) > 0.8);
    }

    [ToolFact("/usr/lib/x86_64-linux-gnu/libspandsp.so.2")]
    public void UlawToG722ResamplesAndCarries()
    {
        Assert.True(Paths.TryBuild("ulaw", "g722", out var t, out _));
        Assert.Equal("ulaw -> slin -> slin16 -> g722", t.Path);
        var mu = new byte[160];
        var output = new byte[400];
        int total = 0;
        for (int f = 0; f < 50; f++)
        {
            MuLaw.Encode(Signals.Sine(160, 8000, 440), mu);
            Assert.True(t.TryTranscode(mu, output, out int n));
            total += n;
        }

        // 1 s of 8 kHz audio becomes about 1 s of G.722 (8000 bytes), give or take the samples still carried.
        Assert.InRange(total, 7990, 8000);
    }

    [ToolFact("/usr/lib/x86_64-linux-gnu/libopus.so.0")]
    public void OpusRunsAtTheOtherSidesRate()
    {
        Assert.True(Paths.TryBuild("ulaw", "opus", out var t, out _));
        Assert.Equal("ulaw -> slin -> opus", t.Path);
        Assert.True(Paths.TryBuild("opus", "alaw", out var back, out _));
        Assert.Equal("opus -> slin -> alaw", back.Path);
        var mu = new byte[160];
        MuLaw.Encode(Signals.Sine(160, 8000, 440), mu);
        var opus = new byte[1500];
        var a = new byte[400];
        for (int f = 0; f < 5; f++)
        {
            Assert.True(t.TryTranscode(mu, opus, out int n));
            Assert.InRange(n, 1, 400);
            Assert.True(back.TryTranscode(opus.AsSpan(0, n), a, out int m));
            Assert.Equal(160, m);
        }
    }

    [Fact]
    public void GarbageInputIsRefusedNotThrown()
    {
        Assert.True(Paths.TryBuild("slin", "ulaw", out var t, out _));
        Assert.False(t.TryTranscode(new byte[3], new byte[10], out _));
    }

    [Theory]
    [InlineData(8000, 16000)]
    [InlineData(16000, 8000)]
    [InlineData(8000, 48000)]
    [InlineData(48000, 8000)]
    [InlineData(8000, 11025)]
    public void ResamplerKeepsRateAndShape(int from, int to)
    {
        var r = new LinearResampler(from, to);
        var input = Signals.Sine(from, from, 300);
        var output = new List<short>();
        var buffer = new short[r.MaxOutput(from / 50)];
        for (int f = 0; f < 50; f++)
        {
            int n = r.Process(input.AsSpan(f * from / 50, from / 50), buffer);
            output.AddRange(buffer.AsSpan(0, n).ToArray());
        }

        // Interpolation lags by up to one input sample (to/from output samples).
        Assert.InRange(output.Count, to - (to / from) - 2, to + 2);
        var expected = Signals.Sine(output.Count, to, 300);
        Assert.True(Signals.BestCorrelation(expected, output.ToArray(), 4) > 0.99);
    }

    [Fact]
    public void ResamplerJoinsFramesWithoutSteps()
    {
        var r = new LinearResampler(8000, 16000);
        var output = new short[400];
        int n1 = r.Process([0, 100, 200, 300], output);
        int n2 = r.Process([400, 500], output.AsSpan(n1));
        var all = output.AsSpan(0, n1 + n2).ToArray();
        Assert.Equal([0, 50, 100, 150, 200, 250, 300, 350, 400, 450, 500], all);
    }
}
