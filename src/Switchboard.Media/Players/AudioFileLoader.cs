using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using Switchboard.Media.Codecs;

namespace Switchboard.Media.Players;

/// <summary>
/// Reads sound files into <see cref="AudioClip"/>s: WAV (PCM 16-bit, µ-law, A-law, GSM 6.10 "WAV49"; mono; any
/// rate), raw .gsm, .sln/.sln16 (little-endian), .ulaw/.pcm, .alaw, .g722, .g729. Bad files give a clear error,
/// never an exception. Loading happens when a prompt starts (use <see cref="AudioClipCache"/>), not per packet.
/// </summary>
public sealed class AudioFileLoader
{
    public const long MaxFileBytes = 64L * 1024 * 1024;

    private readonly CodecRegistry _codecs;

    public AudioFileLoader(CodecRegistry? codecs = null) => _codecs = codecs ?? CodecRegistry.Shared;

    public bool TryLoad(string path, [NotNullWhen(true)] out AudioClip? clip, out string? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        var format = SoundFormat.FromExtension(Path.GetExtension(path).TrimStart('.'));
        if (format is null)
        {
            clip = null;
            error = $"{path}: unknown sound file extension";
            return false;
        }

        return TryLoad(new SoundFile(path, format), out clip, out error);
    }

    public bool TryLoad(SoundFile file, [NotNullWhen(true)] out AudioClip? clip, out string? error)
    {
        ArgumentNullException.ThrowIfNull(file);
        clip = null;
        byte[] data;
        try
        {
            var info = new FileInfo(file.Path);
            if (!info.Exists)
            {
                error = $"{file.Path}: not found";
                return false;
            }

            if (info.Length > MaxFileBytes)
            {
                error = $"{file.Path}: larger than {MaxFileBytes} bytes";
                return false;
            }

            data = File.ReadAllBytes(file.Path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // File I/O is an edge: a file that vanished or cannot be read is reported, not thrown.
            error = $"{file.Path}: {ex.Message}";
            return false;
        }

        bool ok = file.Format.IsWav
            ? TryDecodeWav(data, out var samples, out int rate, out error)
            : TryDecodeRaw(data, file.Format, out samples, out rate, out error);
        if (!ok)
        {
            error = $"{file.Path}: {error}";
            return false;
        }

        clip = new AudioClip(samples!, rate, file.Path);
        return true;
    }

    private bool TryDecodeWav(byte[] data, out short[]? samples, out int rate, out string? error)
    {
        samples = null;
        rate = 0;
        if (!WavHeader.TryParse(data, out var wav, out error))
        {
            return false;
        }

        if (wav.Channels != 1)
        {
            error = $"{wav.Channels} channels (only mono is supported)";
            return false;
        }

        if (wav.SampleRate is < 4000 or > 96000)
        {
            error = $"unsupported sample rate {wav.SampleRate}";
            return false;
        }

        rate = wav.SampleRate;
        var body = data.AsSpan(wav.DataOffset, wav.DataLength);
        switch (wav.FormatTag)
        {
            case WavHeader.Pcm when wav.BitsPerSample == 16:
                samples = LittleEndianSamples(body);
                return true;
            case WavHeader.MuLaw when wav.BitsPerSample == 8:
                samples = new short[body.Length];
                MuLaw.Decode(body, samples);
                return true;
            case WavHeader.ALaw when wav.BitsPerSample == 8:
                samples = new short[body.Length];
                ALaw.Decode(body, samples);
                return true;
            case WavHeader.Gsm610:
                return TryDecodeWav49(body, out samples, out error);
            default:
                error = $"unsupported WAV encoding (format tag {wav.FormatTag}, {wav.BitsPerSample} bits)";
                return false;
        }
    }

    private bool TryDecodeWav49(ReadOnlySpan<byte> body, out short[]? samples, out string? error)
    {
        samples = null;
        if (!_codecs.TryCreateGsmWav49(out var gsm))
        {
            error = "GSM codec (libgsm) is not available";
            return false;
        }

        using (gsm)
        {
            int blocks = body.Length / GsmCodec.Wav49BlockBytes;
            samples = new short[blocks * 320];
            if (blocks > 0 && !gsm.TryDecode(body[..(blocks * GsmCodec.Wav49BlockBytes)], samples, out _))
            {
                error = "corrupt GSM data";
                return false;
            }
        }

        error = null;
        return true;
    }

    private bool TryDecodeRaw(byte[] data, SoundFormat format, out short[]? samples, out int rate, out string? error)
    {
        rate = format.SampleRate;
        samples = null;
        error = null;
        switch (format.Codec)
        {
            case "slin":
            case "slin16":
                samples = LittleEndianSamples(data);
                return true;
            case "ulaw":
                samples = new short[data.Length];
                MuLaw.Decode(data, samples);
                return true;
            case "alaw":
                samples = new short[data.Length];
                ALaw.Decode(data, samples);
                return true;
        }

        if (!_codecs.TryCreate(format.Codec, out var codec))
        {
            error = $"{format.Codec} codec is not available";
            return false;
        }

        using (codec)
        {
            // Whole frames only: a truncated last frame is dropped.
            int unit = format.Codec switch { "gsm" => GsmCodec.FrameBytes, "g729" => G729Codec.FrameBytes, _ => 2 };
            int perUnit = format.Codec switch { "gsm" => 160, "g729" => 80, _ => 4 };
            int units = data.Length / unit;
            samples = new short[units * perUnit];
            if (units > 0 && !codec.TryDecode(data.AsSpan(0, units * unit), samples, out int n))
            {
                error = $"corrupt {format.Codec} data";
                return false;
            }
        }

        return true;
    }

    private static short[] LittleEndianSamples(ReadOnlySpan<byte> bytes)
    {
        var samples = new short[bytes.Length / 2];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes[(2 * i)..]);
        }

        return samples;
    }
}
