namespace Switchboard.Media.Codecs;

/// <summary>
/// Signed linear 16-bit (Asterisk's slin / slin16): the payload is the samples in network byte order (L16, RFC 3551).
/// Used as the pivot of transcoding paths and for .sln files (little-endian, see the file readers).
/// </summary>
public sealed class LinearCodec : IAudioCodec
{
    public static readonly AudioCodecInfo Slin8 = new("slin", 8000, 8000, 1, 2, -1, false);
    public static readonly AudioCodecInfo Slin16 = new("slin16", 16000, 16000, 1, 2, -1, false);

    public LinearCodec(AudioCodecInfo info) => Info = info;

    public AudioCodecInfo Info { get; }

    public bool TryEncode(ReadOnlySpan<short> pcm, Span<byte> payload, out int bytesWritten)
    {
        bytesWritten = pcm.Length * 2;
        if (payload.Length < bytesWritten)
        {
            bytesWritten = 0;
            return false;
        }

        for (int i = 0; i < pcm.Length; i++)
        {
            short s = pcm[i];
            payload[2 * i] = (byte)(s >> 8);
            payload[(2 * i) + 1] = (byte)s;
        }

        return true;
    }

    public bool TryDecode(ReadOnlySpan<byte> payload, Span<short> pcm, out int samplesWritten)
    {
        samplesWritten = payload.Length / 2;
        if ((payload.Length & 1) != 0 || pcm.Length < samplesWritten)
        {
            samplesWritten = 0;
            return false;
        }

        for (int i = 0; i < samplesWritten; i++)
        {
            pcm[i] = (short)((payload[2 * i] << 8) | payload[(2 * i) + 1]);
        }

        return true;
    }

    public void Dispose()
    {
    }
}
