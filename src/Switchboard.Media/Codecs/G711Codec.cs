namespace Switchboard.Media.Codecs;

/// <summary>
/// Base of the two G.711 codecs as <see cref="IAudioCodec"/>s: one byte per sample both ways, no state to free.
/// </summary>
public abstract class G711Codec : IAudioCodec
{
    private protected G711Codec()
    {
    }

    public abstract AudioCodecInfo Info { get; }

    public bool TryEncode(ReadOnlySpan<short> pcm, Span<byte> payload, out int bytesWritten)
    {
        if (payload.Length < pcm.Length)
        {
            bytesWritten = 0;
            return false;
        }

        Encode(pcm, payload);
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

        Decode(payload, pcm);
        samplesWritten = payload.Length;
        return true;
    }

    public void Dispose()
    {
    }

    private protected abstract void Encode(ReadOnlySpan<short> pcm, Span<byte> payload);

    private protected abstract void Decode(ReadOnlySpan<byte> payload, Span<short> pcm);
}
