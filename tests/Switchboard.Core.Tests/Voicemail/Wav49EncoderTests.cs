using System.Buffers.Binary;
using Switchboard.Core.Voicemail;
using Switchboard.Media.Codecs;
using Switchboard.TestKit.Processes;
using Switchboard.TestKit.Tools;
using WavWriter = Switchboard.Media.Players.WavWriter;

namespace Switchboard.Core.Tests.Voicemail;

/// <summary>format = wav49: the attachment is GSM 06.10 in WAV (65-byte blocks), readable by libgsm and by sox.</summary>
public sealed class Wav49EncoderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sb-vm-wav49-").FullName;

    [SkippableFact]
    public async Task A_pcm_recording_becomes_gsm_in_wav_that_decodes_back_to_the_tone()
    {
        Skip.IfNot(CodecRegistry.Shared.TryCreateGsmWav49(out var decoder), "libgsm1 is not installed");
        using var _ = decoder;
        string pcmPath = Path.Combine(_dir, "msg.wav");
        var tone = new short[8000 * 2 + 100];
        for (int i = 0; i < tone.Length; i++)
        {
            tone[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / 8000.0));
        }

        using (var w = new WavWriter(pcmPath))
        {
            w.Write(tone);
        }

        Assert.True(Wav49Encoder.TryEncode(pcmPath, out var wav49, out var error), error);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(wav49, 0, 4));
        Assert.Equal(0x31, BinaryPrimitives.ReadUInt16LittleEndian(wav49.AsSpan(20)));
        Assert.Equal(65, BinaryPrimitives.ReadUInt16LittleEndian(wav49.AsSpan(32)));
        Assert.Equal((uint)tone.Length, BinaryPrimitives.ReadUInt32LittleEndian(wav49.AsSpan(48)));
        int blocks = (tone.Length + 319) / 320;
        Assert.Equal((uint)(blocks * 65), BinaryPrimitives.ReadUInt32LittleEndian(wav49.AsSpan(56)));
        Assert.True(wav49.Length < 44 + (tone.Length * 2 / 8), "GSM is about a tenth of PCM");

        var pcm = new short[blocks * 320];
        Assert.True(decoder.TryDecode(wav49.AsSpan(60, blocks * 65), pcm, out int n));
        Assert.Equal(blocks * 320, n);
        Assert.True(Correlation(tone.AsSpan(800, 8000), pcm.AsSpan(800, 8000)) > 0.9, "decoded GSM follows the tone");

        if (ExternalTool.Exists("sox"))
        {
            string gsmPath = Path.Combine(_dir, "voicemail.WAV");
            await File.WriteAllBytesAsync(gsmPath, wav49);
            var run = await ExternalProcess.RunAsync("sox", ["--i", "-D", gsmPath], TimeSpan.FromSeconds(30));
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.InRange(double.Parse(run.StandardOutput.Trim(), System.Globalization.CultureInfo.InvariantCulture), 2.0, 2.1);
        }
    }

    private static double Correlation(ReadOnlySpan<short> a, ReadOnlySpan<short> b)
    {
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            ab += (double)a[i] * b[i];
            aa += (double)a[i] * a[i];
            bb += (double)b[i] * b[i];
        }

        return ab / Math.Sqrt((aa * bb) + 1e-9);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
