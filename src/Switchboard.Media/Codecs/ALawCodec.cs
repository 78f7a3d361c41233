namespace Switchboard.Media.Codecs;

/// <summary>G.711 A-law (PCMA, payload type 8) as an <see cref="IAudioCodec"/>.</summary>
public sealed class ALawCodec : IAudioCodec
{
    public static readonly AudioCodecInfo Descriptor = new("alaw", 8000, 8000, 1, 1, 8, false);

    public AudioCodecInfo Info => Descriptor;

    public bool TryEncode(ReadOnlySpan<short> pcm, Span<byte> payload, out int bytesWritten)
    {
        if (payload.Length < pcm.Length)
        {
            bytesWritten = 0;
            return false;
        }

        ALaw.Encode(pcm, payload);
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

        ALaw.Decode(payload, pcm);
        samplesWritten = payload.Length;
        return true;
    }

    public void Dispose()
    {
    }
}
