using Switchboard.Media.Codecs.Native;

namespace Switchboard.Media.Codecs;

/// <summary>
/// GSM 06.10 full rate through libgsm: 160 samples (20 ms) ↔ 33 bytes (RFC 3551 payload type 3). With
/// <c>wav49</c> the instance reads Microsoft's WAV49 packing (65-byte blocks of two frames) for GSM-in-WAV files.
/// </summary>
public sealed unsafe class GsmCodec : NativeAudioCodec
{
    public const int FrameBytes = 33;
    public const int Wav49BlockBytes = 65;
    public static readonly AudioCodecInfo Descriptor = new("gsm", 8000, 8000, 160, FrameBytes, 3, true);

    private readonly GsmLibrary _lib;
    private readonly bool _wav49;

    internal GsmCodec(GsmLibrary lib, bool wav49 = false)
    {
        _lib = lib;
        _wav49 = wav49;
        _encoder = lib.Create();
        _decoder = lib.Create();
        if (wav49)
        {
            int on = 1;
            lib.Option(_encoder, GsmLibrary.OptionWav49, &on);
            lib.Option(_decoder, GsmLibrary.OptionWav49, &on);
        }
    }

    public override AudioCodecInfo Info => Descriptor;

    public override bool TryEncode(ReadOnlySpan<short> pcm, Span<byte> payload, out int bytesWritten)
    {
        bytesWritten = 0;
        int frames = pcm.Length / 160;
        if (_encoder == IntPtr.Zero || pcm.Length % 160 != 0)
        {
            return false;
        }

        if (_wav49)
        {
            return TryEncodeWav49(pcm, payload, out bytesWritten);
        }

        if (payload.Length < frames * FrameBytes)
        {
            return false;
        }

        // gsm_encode reads its input as const, but the prototype is not: copy to a stack frame to be safe.
        Span<short> frame = stackalloc short[160];
        fixed (short* input = frame)
        fixed (byte* output = payload)
        {
            for (int f = 0; f < frames; f++)
            {
                pcm.Slice(f * 160, 160).CopyTo(frame);
                _lib.Encode(_encoder, input, output + (f * FrameBytes));
            }
        }

        bytesWritten = frames * FrameBytes;
        return true;
    }

    /// <summary>WAV49: pairs of frames into 65-byte blocks (libgsm writes 32 bytes for the first, 33 for the second).</summary>
    private bool TryEncodeWav49(ReadOnlySpan<short> pcm, Span<byte> payload, out int bytesWritten)
    {
        bytesWritten = 0;
        int blocks = pcm.Length / 320;
        if (pcm.Length % 320 != 0 || payload.Length < blocks * Wav49BlockBytes)
        {
            return false;
        }

        Span<short> frame = stackalloc short[160];
        fixed (short* input = frame)
        fixed (byte* output = payload)
        {
            for (int b = 0; b < blocks; b++)
            {
                byte* block = output + (b * Wav49BlockBytes);
                pcm.Slice(b * 320, 160).CopyTo(frame);
                _lib.Encode(_encoder, input, block);
                pcm.Slice((b * 320) + 160, 160).CopyTo(frame);
                _lib.Encode(_encoder, input, block + 32);
            }
        }

        bytesWritten = blocks * Wav49BlockBytes;
        return true;
    }

    public override bool TryDecode(ReadOnlySpan<byte> payload, Span<short> pcm, out int samplesWritten)
    {
        samplesWritten = 0;
        int unit = _wav49 ? Wav49BlockBytes : FrameBytes;
        int blocks = payload.Length / unit;
        int samples = blocks * (_wav49 ? 320 : 160);
        if (_decoder == IntPtr.Zero || payload.Length == 0 || payload.Length % unit != 0 || pcm.Length < samples)
        {
            return false;
        }

        fixed (byte* input = payload)
        fixed (short* output = pcm)
        {
            for (int b = 0; b < blocks; b++)
            {
                byte* block = input + (b * unit);
                short* samplesOut = output + (b * (_wav49 ? 320 : 160));
                if (_lib.Decode(_decoder, block, samplesOut) < 0)
                {
                    return false;
                }

                if (_wav49 && _lib.Decode(_decoder, block + FrameBytes, samplesOut + 160) < 0)
                {
                    return false;
                }
            }
        }

        samplesWritten = samples;
        return true;
    }

    private protected override void FreeEncoder(IntPtr state) => _lib.Destroy(state);

    private protected override void FreeDecoder(IntPtr state) => _lib.Destroy(state);
}
