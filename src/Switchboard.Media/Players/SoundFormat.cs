namespace Switchboard.Media.Players;

/// <summary>How a sound file extension is stored: a WAV container or raw frames of a codec.</summary>
public sealed record SoundFormat(string Extension, string Codec, int SampleRate, bool IsWav)
{
    /// <summary>Asterisk's file formats by extension (format_wav, format_wav_gsm, format_gsm, format_sln, format_pcm, format_g722, format_g729).</summary>
    public static IReadOnlyList<SoundFormat> All { get; } =
    [
        new("wav", "slin", 8000, true),
        new("wav16", "slin16", 16000, true),
        new("WAV", "gsm", 8000, true),
        new("wav49", "gsm", 8000, true),
        new("gsm", "gsm", 8000, false),
        new("sln", "slin", 8000, false),
        new("raw", "slin", 8000, false),
        new("sln16", "slin16", 16000, false),
        new("ulaw", "ulaw", 8000, false),
        new("pcm", "ulaw", 8000, false),
        new("ul", "ulaw", 8000, false),
        new("mu", "ulaw", 8000, false),
        new("alaw", "alaw", 8000, false),
        new("al", "alaw", 8000, false),
        new("g722", "g722", 16000, false),
        new("g729", "g729", 8000, false),
    ];

    /// <summary>Default lookup order: wav, gsm, sln, ulaw, alaw, then the rest.</summary>
    public static IReadOnlyList<string> DefaultPreference { get; } = ["wav", "gsm", "sln", "ulaw", "alaw", "wav16", "sln16", "g722", "WAV", "pcm", "g729"];

    /// <summary>Extension lookup is case-sensitive ("WAV" is GSM-in-WAV, "wav" is PCM), as in Asterisk.</summary>
    public static SoundFormat? FromExtension(string extension)
    {
        foreach (var f in All)
        {
            if (string.Equals(f.Extension, extension, StringComparison.Ordinal))
            {
                return f;
            }
        }

        return null;
    }
}
