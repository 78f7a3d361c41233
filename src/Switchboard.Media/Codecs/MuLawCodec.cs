namespace Switchboard.Media.Codecs;

/// <summary>G.711 µ-law (PCMU, payload type 0) as an <see cref="IAudioCodec"/>.</summary>
public sealed class MuLawCodec : IAudioCodec
{
    public static readonly AudioCodecInfo Descriptor = new("ulaw", 8000, 8000, 1, 1, 0, false);

    public AudioCodecInfo Info => Descriptor;

    public bool TryEncode(ReadOnlySpan<short> pcm, Span<byte> payload, out int bytesWritten)
    {
        if (payload.Length < pcm.Length)
        {
            bytesWritten = 0;
            return false;
        }

        MuLaw.Encode(pcm, payload);
        bytesWritten = pcm.Length;
        return true;
    }

    public bool TryDecode(ReadOnlySpan<byte> payload, Span<short> pcm, out int samplesWritten)
    {
        if (pcm.Length < payload.Length)
        {
            samplesWritten = 0;
            return false;
        }

        MuLaw.Decode(payload, pcm);
        samplesWritten = payload.Length;
        return true;
    }

    public void Dispose()
    {
    }
}
