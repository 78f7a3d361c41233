using System.Buffers.Binary;
using Switchboard.Media.Codecs;
using Switchboard.Media.Players;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Players;

public sealed class AudioFileLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sb-audio-").FullName;
    private readonly AudioFileLoader _loader = new();

    private string PathOf(string name) => Path.Combine(_dir, name);

    private static byte[] WavBytes(int tag, int channels, int rate, int bits, byte[] data)
    {
        var h = new byte[44 + data.Length];
        "RIFF"u8.CopyTo(h);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(4), (uint)(36 + data.Length));
        "WAVEfmt "u8.CopyTo(h.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(16), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(20), (ushort)tag);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(22), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(24), (uint)rate);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(32), (ushort)(channels * bits / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(34), (ushort)bits);
        "data"u8.CopyTo(h.AsSpan(36));
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(40), (uint)data.Length);
        data.CopyTo(h, 44);
        return h;
    }

    [Fact]
    public void WavWriterOutputReadsBack()
    {
        var tone = Signals.Sine(4000, 8000, 300);
        using (var writer = new WavWriter(PathOf("t.wav")))
        {
            writer.Write(tone);
            Assert.Equal(TimeSpan.FromMilliseconds(500), writer.Duration);
        }

        Assert.True(_loader.TryLoad(PathOf("t.wav"), out var clip, out var error), error);
        Assert.Equal(8000, clip.SampleRate);
        Assert.Equal(tone, clip.Samples.ToArray());
    }

    [Fact]
    public void G711WavAndRawFiles()
    {
        var tone = Signals.Sine(800, 8000, 500);
        var mu = new byte[800];
        var a = new byte[800];
        MuLaw.Encode(tone, mu);
        ALaw.Encode(tone, a);
        File.WriteAllBytes(PathOf("m.wav"), WavBytes(WavHeader.MuLaw, 1, 8000, 8, mu));
        File.WriteAllBytes(PathOf("a.wav"), WavBytes(WavHeader.ALaw, 1, 8000, 8, a));
        File.WriteAllBytes(PathOf("m.ulaw"), mu);
        File.WriteAllBytes(PathOf("a.alaw"), a);
        var sln = new byte[1600];
        for (int i = 0; i < 800; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(sln.AsSpan(2 * i), tone[i]);
        }

        File.WriteAllBytes(PathOf("s.sln"), sln);
        foreach (var name in new[] { "m.wav", "m.ulaw" })
        {
            Assert.True(_loader.TryLoad(PathOf(name), out var clip, out _));
            Assert.Equal(mu.Select(MuLaw.Decode), clip.Samples.ToArray());
        }

        foreach (var name in new[] { "a.wav", "a.alaw" })
        {
            Assert.True(_loader.TryLoad(PathOf(name), out var clip, out _));
            Assert.Equal(a.Select(ALaw.Decode), clip.Samples.ToArray());
        }

        Assert.True(_loader.TryLoad(PathOf("s.sln"), out var linear, out _));
        Assert.Equal(tone, linear.Samples.ToArray());
    }

    [Fact]
    public void WidebandWavIsResampledOnRequest()
    {
        var tone = Signals.Sine(3200, 16000, 300);
        using (var writer = new WavWriter(PathOf("w.wav16"), 16000))
        {
            writer.Write(tone);
        }

        Assert.True(_loader.TryLoad(PathOf("w.wav16"), out var clip, out _));
        Assert.Equal(16000, clip.SampleRate);
        var narrow = clip.ResampleTo(8000);
        Assert.InRange(narrow.Samples.Length, 1599, 1600);
        Assert.Same(clip, clip.ResampleTo(16000));
    }

    [Theory]
    [InlineData("junk", "not a RIFF/WAVE file")]
    [InlineData("stereo", "2 channels")]
    [InlineData("adpcm", "unsupported WAV encoding")]
    [InlineData("nodata", "no data chunk")]
    public void BadWavFilesGiveAReason(string kind, string reason)
    {
        byte[] bytes = kind switch
        {
            "junk" => "hello world, not a wav"u8.ToArray(),
            "stereo" => WavBytes(WavHeader.Pcm, 2, 8000, 16, new byte[64]),
            "adpcm" => WavBytes(2, 1, 8000, 4, new byte[64]),
            _ => WavBytes(WavHeader.Pcm, 1, 8000, 16, [])[..36],
        };
        File.WriteAllBytes(PathOf("bad.wav"), bytes);
        Assert.False(_loader.TryLoad(PathOf("bad.wav"), out var clip, out var error));
        Assert.Null(clip);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileAndUnknownExtension()
    {
        Assert.False(_loader.TryLoad(PathOf("none.wav"), out _, out var error));
        Assert.Contains("not found", error, StringComparison.Ordinal);
        Assert.False(_loader.TryLoad(PathOf("x.mp3"), out _, out error));
        Assert.Contains("unknown sound file extension", error, StringComparison.Ordinal);
    }

    [ToolFact("sox", "/usr/lib/x86_64-linux-gnu/libgsm.so.1")]
    public void Wav49AndRawGsmFromSoxDecodeToTheSameAudio()
    {
        // Real tool: SoX writes the same tone as raw GSM and as GSM 6.10 in WAV (WAV49 packing).
        string source = PathOf("tone.wav");
        using (var writer = new WavWriter(source))
        {
            writer.Write(Signals.Sine(8000, 8000, 440));
        }

        Assert.Equal(0, Tools.Run("sox", [source, PathOf("tone.gsm")]).ExitCode);
        Assert.Equal(0, Tools.Run("sox", [source, "-e", "gsm-full-rate", PathOf("tone49.wav")]).ExitCode);
        File.Move(PathOf("tone49.wav"), PathOf("tone49.WAV"));
        Assert.True(_loader.TryLoad(PathOf("tone.gsm"), out var raw, out var error), error);
        Assert.True(_loader.TryLoad(new SoundFile(PathOf("tone49.WAV"), SoundFormat.FromExtension("wav")!), out var wav49, out error), error);
        Assert.Equal(8000, raw.Samples.Length);
        Assert.Equal(8000, wav49.Samples.Length);
        Assert.True(Signals.BestCorrelation(raw.Samples.Span, wav49.Samples.Span, 0) > 0.999);
        Assert.True(Signals.BestCorrelation(Signals.Sine(4000, 8000, 440), raw.Samples.Span[..6000], 200) > 0.9);
    }

    [ToolFact("/usr/share/asterisk/sounds/en_US_f_Allison/vm-intro.wav", "/usr/share/asterisk/sounds/en_US_f_Allison/vm-intro.gsm", "/usr/lib/x86_64-linux-gnu/libgsm.so.1")]
    public void CoreSoundWavAndGsmAgree()
    {
        // Real artefacts: Debian's asterisk-core-sounds-en-wav and -gsm carry the same prompt in two formats.
        Assert.True(_loader.TryLoad("/usr/share/asterisk/sounds/en_US_f_Allison/vm-intro.wav", out var wav, out var error), error);
        Assert.True(_loader.TryLoad("/usr/share/asterisk/sounds/en_US_f_Allison/vm-intro.gsm", out var gsm, out error), error);
        Assert.InRange(wav.Duration.TotalSeconds, 5.5, 5.8);
        Assert.InRange(Math.Abs(wav.Samples.Length - gsm.Samples.Length), 0, 160);
        int n = Math.Min(wav.Samples.Length, gsm.Samples.Length) - 400;
        Assert.True(Signals.BestCorrelation(wav.Samples.Span[..n], gsm.Samples.Span, 200) > 0.8);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
