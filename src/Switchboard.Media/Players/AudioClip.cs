using Switchboard.Media.Codecs;

namespace Switchboard.Media.Players;

/// <summary>Decoded audio (16-bit mono PCM) ready to be encoded for any channel. Immutable; shared between calls.</summary>
public sealed class AudioClip
{
    private readonly short[] _samples;

    public AudioClip(short[] samples, int sampleRate, string source)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);
        _samples = samples;
        SampleRate = sampleRate;
        Source = source;
    }

    public ReadOnlyMemory<short> Samples => _samples;

    public int SampleRate { get; }

    /// <summary>The file (or description) the audio came from.</summary>
    public string Source { get; }

    public TimeSpan Duration => TimeSpan.FromSeconds(_samples.Length / (double)SampleRate);

    /// <summary>This clip at another sample rate (linear interpolation); itself when the rate already matches.</summary>
    public AudioClip ResampleTo(int sampleRate)
    {
        if (sampleRate == SampleRate)
        {
            return this;
        }

        var resampler = new LinearResampler(SampleRate, sampleRate);
        var output = new short[resampler.MaxOutput(_samples.Length)];
        int n = resampler.Process(_samples, output);
        return new AudioClip(output[..n], sampleRate, Source);
    }

    /// <summary>Silence of the given length.</summary>
    public static AudioClip Silence(TimeSpan duration, int sampleRate = 8000) =>
        new(new short[(int)(duration.TotalSeconds * sampleRate)], sampleRate, "silence");
}
