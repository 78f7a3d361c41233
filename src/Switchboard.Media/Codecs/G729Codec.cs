using Switchboard.Media.Codecs.Native;

namespace Switchboard.Media.Codecs;

/// <summary>
/// G.729 (Annex A, bcg729): 10 ms frames of 80 samples ↔ 10 bytes (payload type 18). A payload is any number of
/// 10-byte frames optionally followed by one 2-byte SID frame (Annex B comfort noise). VAD is off when encoding
/// (Asterisk offers annexb=no).
/// </summary>
public sealed unsafe class G729Codec : NativeAudioCodec
{
    public const int FrameBytes = 10;
    public const int SidBytes = 2;
    public static readonly AudioCodecInfo Descriptor = new("g729", 8000, 8000, 80, FrameBytes, 18, true);

    private readonly Bcg729Library _lib;

    internal G729Codec(Bcg729Library lib)
    {
        _lib = lib;
        _encoder = lib.EncoderCreate(0);
        _decoder = lib.DecoderCreate();
    }

    public override AudioCodecInfo Info => Descriptor;

    public override bool TryEncode(ReadOnlySpan<short> pcm, Span<byte> payload, out int bytesWritten)
    {
        bytesWritten = 0;
        int frames = pcm.Length / 80;
        if (_encoder == IntPtr.Zero || pcm.Length % 80 != 0 || payload.Length < frames * FrameBytes)
        {
            return false;
        }

        Span<short> frame = stackalloc short[80];
        Span<byte> bits = stackalloc byte[16];
        int written = 0;
        fixed (short* input = frame)
        fixed (byte* output = bits)
        {
            for (int f = 0; f < frames; f++)
            {
                pcm.Slice(f * 80, 80).CopyTo(frame);
                byte length = 0;
                _lib.Encode(_encoder, input, output, &length);
                if (length > FrameBytes || written + length > payload.Length)
                {
                    return false;
                }

                bits[..length].CopyTo(payload[written..]);
                written += length;
            }
        }

        bytesWritten = written;
        return true;
    }

    public override bool TryDecode(ReadOnlySpan<byte> payload, Span<short> pcm, out int samplesWritten)
    {
        samplesWritten = 0;
        int frames = payload.Length / FrameBytes;
        int rest = payload.Length % FrameBytes;
        int total = frames + (rest == SidBytes ? 1 : 0);
        if (_decoder == IntPtr.Zero || payload.IsEmpty || (rest != 0 && rest != SidBytes) || pcm.Length < total * 80)
        {
            return false;
        }

        fixed (byte* input = payload)
        fixed (short* output = pcm)
        {
            for (int f = 0; f < frames; f++)
            {
                _lib.Decode(_decoder, input + (f * FrameBytes), FrameBytes, 0, 0, 0, output + (f * 80));
            }

            if (rest == SidBytes)
            {
                _lib.Decode(_decoder, input + (frames * FrameBytes), SidBytes, 0, 1, 0, output + (frames * 80));
            }
        }

        samplesWritten = total * 80;
        return true;
    }

    private protected override void FreeEncoder(IntPtr state) => _lib.EncoderClose(state);

    private protected override void FreeDecoder(IntPtr state) => _lib.DecoderClose(state);
}
