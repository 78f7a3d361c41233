using System.Diagnostics.CodeAnalysis;

namespace Switchboard.Media.Codecs;

/// <summary>
/// Builds the cheapest transcoder between two codecs: a direct table for µ-law ↔ A-law, otherwise decode →
/// (resample) → encode. Opus is created at the other side's PCM rate so no resampling is needed for it.
/// </summary>
public sealed class TranscodingPathBuilder
{
    private readonly CodecRegistry _registry;

    public TranscodingPathBuilder(CodecRegistry registry) => _registry = registry ?? throw new ArgumentNullException(nameof(registry));

    public bool TryBuild(string from, string to, [NotNullWhen(true)] out ITranscoder? transcoder, out string? error)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        transcoder = null;
        if (string.Equals(from, to, StringComparison.OrdinalIgnoreCase))
        {
            error = $"{from} needs no transcoding";
            return false;
        }

        if (IsName(from, "ulaw") && IsName(to, "alaw"))
        {
            transcoder = new G711Transcoder(muLawToALaw: true);
            error = null;
            return true;
        }

        if (IsName(from, "alaw") && IsName(to, "ulaw"))
        {
            transcoder = new G711Transcoder(muLawToALaw: false);
            error = null;
            return true;
        }

        int fromRate = NaturalRate(from);
        int toRate = NaturalRate(to);
        if (!_registry.TryCreate(from, out var decoder, toRate))
        {
            error = $"codec {from} is not available";
            return false;
        }

        if (!_registry.TryCreate(to, out var encoder, fromRate == 0 ? decoder.Info.SampleRate : fromRate))
        {
            decoder.Dispose();
            error = $"codec {to} is not available";
            return false;
        }

        transcoder = new PcmTranscoder(decoder, encoder);
        error = null;
        return true;
    }

    private static bool IsName(string name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>PCM rate a codec must run at (0 for opus, which adapts to the other side).</summary>
    private static int NaturalRate(string name) =>
        IsName(name, "opus") ? 0 : CodecRegistry.TryGetInfo(name, out var info) ? info.SampleRate : 8000;
}
