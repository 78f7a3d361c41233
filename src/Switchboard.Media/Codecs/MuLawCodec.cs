namespace Switchboard.Media.Codecs;

/// <summary>G.711 µ-law (PCMU, payload type 0) as an <see cref="IAudioCodec"/>.</summary>
public sealed class MuLawCodec : G711Codec
{
    public static readonly AudioCodecInfo Descriptor = new("ulaw", 8000, 8000, 1, 1, 0, false);

    public override AudioCodecInfo Info => Descriptor;

    private protected override void Encode(ReadOnlySpan<short> pcm, Span<byte> payload) => MuLaw.Encode(pcm, payload);

    private protected override void Decode(ReadOnlySpan<byte> payload, Span<short> pcm) => MuLaw.Decode(payload, pcm);
}
