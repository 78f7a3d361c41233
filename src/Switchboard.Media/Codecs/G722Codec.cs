using Switchboard.Media.Codecs.Native;

namespace Switchboard.Media.Codecs;

/// <summary>
/// G.722 at 64 kbit/s through libspandsp: 16 kHz PCM, two samples per byte (20 ms = 320 samples = 160 bytes),
/// payload type 9 with an RTP clock of 8000 (RFC 3551 §4.5.2).
/// </summary>
public sealed unsafe class G722Codec : NativeAudioCodec
{
    public static readonly AudioCodecInfo Descriptor = new("g722", 16000, 8000, 2, 1, 9, true);

    private readonly SpanDspG722Library _lib;

    internal G722Codec(SpanDspG722Library lib)
    {
        _lib = lib;
        _encoder = lib.EncoderInit(IntPtr.Zero, 64000, 0);
        _decoder = lib.DecoderInit(IntPtr.Zero, 64000, 0);
    }

    public override AudioCodecInfo Info => Descriptor;

    public override bool TryEncode(ReadOnlySpan<short> pcm, Span<byte> payload, out int bytesWritten)
    {
        bytesWritten = 0;
        if (_encoder == IntPtr.Zero || (pcm.Length & 1) != 0 || payload.Length < pcm.Length / 2)
        {
            return false;
        }

        fixed (short* input = pcm)
        fixed (byte* output = payload)
        {
            bytesWritten = _lib.Encode(_encoder, output, input, pcm.Length);
        }

        return bytesWritten >= 0;
    }

    public override bool TryDecode(ReadOnlySpan<byte> payload, Span<short> pcm, out int samplesWritten)
    {
        samplesWritten = 0;
        if (_decoder == IntPtr.Zero || payload.IsEmpty || pcm.Length < payload.Length * 2)
        {
            return false;
        }

        fixed (byte* input = payload)
        fixed (short* output = pcm)
        {
            samplesWritten = _lib.Decode(_decoder, output, input, payload.Length);
        }

        return samplesWritten >= 0;
    }

    private protected override void FreeEncoder(IntPtr state) => _lib.EncoderFree(state);

    private protected override void FreeDecoder(IntPtr state) => _lib.DecoderFree(state);
}
