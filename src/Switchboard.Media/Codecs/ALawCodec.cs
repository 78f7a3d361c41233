namespace Switchboard.Media.Codecs;

/// <summary>G.711 A-law (PCMA, payload type 8) as an <see cref="IAudioCodec"/>.</summary>
public sealed class ALawCodec : G711Codec
{
    public static readonly AudioCodecInfo Descriptor = new("alaw", 8000, 8000, 1, 1, 8, false);

    public override AudioCodecInfo Info => Descriptor;

    private protected override void Encode(ReadOnlySpan<short> pcm, Span<byte> payload) => ALaw.Encode(pcm, payload);

    private protected override void Decode(ReadOnlySpan<byte> payload, Span<short> pcm) => ALaw.Decode(payload, pcm);
}
