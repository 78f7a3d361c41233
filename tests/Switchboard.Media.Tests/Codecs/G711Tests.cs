using Switchboard.Media.Codecs;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Codecs;

public sealed class G711Tests
{
    [Theory]
    [InlineData(0, 0xFF)]
    [InlineData(-1, 0x7E)]
    [InlineData(-4, 0x7E)]
    [InlineData(-3, 0x7E)]
    [InlineData(32767, 0x80)]
    [InlineData(-32768, 0x00)]
    [InlineData(1000, 0xCE)]
    [InlineData(-1000, 0x4E)]
    public void MuLawEncodesKnownValues(short sample, int code)
    {
        // ITU-T G.711 µ-law: silence encodes as 0xFF, full scale as 0x80/0x00.
        Assert.Equal((byte)code, MuLaw.Encode(sample));
    }

    [Theory]
    [InlineData(0xFF, 0)]
    [InlineData(0x7F, 0)]
    [InlineData(0x80, 32124)]
    [InlineData(0x00, -32124)]
    [InlineData(0xFE, 8)]
    [InlineData(0xCE, 988)]
    public void MuLawDecodesKnownValues(int code, short sample)
    {
        Assert.Equal(sample, MuLaw.Decode((byte)code));
    }

    [Theory]
    [InlineData(0, 0xD5)]
    [InlineData(-1, 0x55)]
    [InlineData(32767, 0xAA)]
    [InlineData(-32768, 0x2A)]
    [InlineData(1000, 0xFA)]
    public void ALawEncodesKnownValues(short sample, int code)
    {
        // ITU-T G.711 A-law: even bits inverted, so silence is 0xD5 (positive) / 0x55 (negative).
        Assert.Equal((byte)code, ALaw.Encode(sample));
    }

    [Theory]
    [InlineData(0xD5, 8)]
    [InlineData(0x55, -8)]
    [InlineData(0xAA, 32256)]
    [InlineData(0x2A, -32256)]
    [InlineData(0xFA, 1008)]
    public void ALawDecodesKnownValues(int code, short sample)
    {
        Assert.Equal(sample, ALaw.Decode((byte)code));
    }

    [Fact]
    public void TablesMatchTheReferenceComputationForEverySample()
    {
        for (int s = short.MinValue; s <= short.MaxValue; s++)
        {
            Assert.Equal(MuLaw.EncodeLinear14(s >> 2), MuLaw.Encode((short)s));
            Assert.Equal(ALaw.EncodeLinear13(s >> 3), ALaw.Encode((short)s));
        }
    }

    [Fact]
    public void DecodeThenEncodeIsIdentity()
    {
        for (int c = 0; c < 256; c++)
        {
            // µ-law has two zeros (0x7F and 0xFF); both decode to 0, which encodes as 0xFF.
            byte expected = c == 0x7F ? (byte)0xFF : (byte)c;
            Assert.Equal(expected, MuLaw.Encode(MuLaw.Decode((byte)c)));
            Assert.Equal((byte)c, ALaw.Encode(ALaw.Decode((byte)c)));
        }
    }

    [Fact]
    public void EncodingIsMonotonic()
    {
        int previous = int.MinValue;
        for (int s = short.MinValue; s <= short.MaxValue; s += 7)
        {
            int decoded = MuLaw.Decode(MuLaw.Encode((short)s));
            Assert.True(decoded >= previous, $"µ-law not monotonic at {s}");
            previous = decoded;
        }
    }

    [Fact]
    public void QuantisationErrorIsBounded()
    {
        for (int s = -32000; s <= 32000; s += 13)
        {
            int mu = MuLaw.Decode(MuLaw.Encode((short)s));
            int a = ALaw.Decode(ALaw.Encode((short)s));
            int bound = Math.Max(16, Math.Abs(s) / 16);
            Assert.InRange(mu - s, -bound, bound);
            Assert.InRange(a - s, -bound, bound);
        }
    }

    [Fact]
    public void SpanApisMatchScalar()
    {
        var pcm = Signals.Sine(160, 8000, 440, 12000);
        var mu = new byte[160];
        var a = new byte[160];
        MuLaw.Encode(pcm, mu);
        ALaw.Encode(pcm, a);
        var back = new short[160];
        MuLaw.Decode(mu, back);
        for (int i = 0; i < 160; i++)
        {
            Assert.Equal(MuLaw.Encode(pcm[i]), mu[i]);
            Assert.Equal(ALaw.Encode(pcm[i]), a[i]);
            Assert.Equal(MuLaw.Decode(mu[i]), back[i]);
        }

        var converted = new byte[160];
        G711Transcoding.MuLawToALaw(mu, converted);
        for (int i = 0; i < 160; i++)
        {
            Assert.Equal(ALaw.Encode(MuLaw.Decode(mu[i])), converted[i]);
            Assert.Equal(MuLaw.Encode(ALaw.Decode(a[i])), G711Transcoding.ALawToMuLaw(a[i]));
        }
    }

    [ToolFact("sox")]
    public void MatchesSoxOnTheG711Grid()
    {
        // Real tool: SoX's G.711 coder must agree with ours on all 65536 inputs and all 256 codes.
        string dir = Directory.CreateTempSubdirectory("sb-g711-").FullName;
        try
        {
            var raw = new byte[65536 * 2];
            for (int i = 0; i < 65536; i++)
            {
                short s = (short)(i - 32768);
                raw[2 * i] = (byte)s;
                raw[(2 * i) + 1] = (byte)(s >> 8);
            }

            string input = Path.Combine(dir, "ramp.s16");
            File.WriteAllBytes(input, raw);
            Sox(["-D", "-t", "raw", "-r", "8000", "-e", "signed-integer", "-b", "16", "-c", "1", input, "-t", "ul", Path.Combine(dir, "ramp.ul")]);
            Sox(["-D", "-t", "raw", "-r", "8000", "-e", "signed-integer", "-b", "16", "-c", "1", input, "-t", "al", Path.Combine(dir, "ramp.al")]);
            var ul = File.ReadAllBytes(Path.Combine(dir, "ramp.ul"));
            var al = File.ReadAllBytes(Path.Combine(dir, "ramp.al"));
            // G.711 codes 14-bit (µ-law) and 13-bit (A-law) values. SoX rounds 16-bit input to that grid while we
            // truncate like Asterisk (sample >> 2, >> 3), so compare on the grid, where both reductions agree.
            int muDiff = 0, aDiff = 0;
            for (int i = 0; i < 65536; i++)
            {
                short s = (short)(i - 32768);
                muDiff += (s & 3) == 0 && ul[i] != MuLaw.Encode(s) ? 1 : 0;
                aDiff += (s & 7) == 0 && al[i] != ALaw.Encode(s) ? 1 : 0;
            }

            Assert.Equal(0, muDiff);
            Assert.Equal(0, aDiff);

            var codes = new byte[256];
            for (int i = 0; i < 256; i++)
            {
                codes[i] = (byte)i;
            }

            File.WriteAllBytes(Path.Combine(dir, "codes.ul"), codes);
            File.WriteAllBytes(Path.Combine(dir, "codes.al"), codes);
            Sox(["-t", "ul", "-r", "8000", "-c", "1", Path.Combine(dir, "codes.ul"), "-t", "raw", "-e", "signed-integer", "-b", "16", Path.Combine(dir, "codes-ul.s16")]);
            Sox(["-t", "al", "-r", "8000", "-c", "1", Path.Combine(dir, "codes.al"), "-t", "raw", "-e", "signed-integer", "-b", "16", Path.Combine(dir, "codes-al.s16")]);
            var ulPcm = File.ReadAllBytes(Path.Combine(dir, "codes-ul.s16"));
            var alPcm = File.ReadAllBytes(Path.Combine(dir, "codes-al.s16"));
            for (int i = 0; i < 256; i++)
            {
                Assert.Equal((short)(ulPcm[2 * i] | (ulPcm[(2 * i) + 1] << 8)), MuLaw.Decode((byte)i));
                Assert.Equal((short)(alPcm[2 * i] | (alPcm[(2 * i) + 1] << 8)), ALaw.Decode((byte)i));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void Sox(string[] args)
    {
        var (code, error) = Tools.Run("sox", args);
        Assert.True(code == 0, $"sox failed: {error}");
    }
}
