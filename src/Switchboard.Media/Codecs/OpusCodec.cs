using Switchboard.Media.Codecs.Native;

namespace Switchboard.Media.Codecs;

/// <summary>
/// Opus through libopus, mono, VoIP application. The PCM rate is chosen per instance (8, 12, 16, 24 or 48 kHz; the
/// RTP clock is always 48000 per RFC 7587) so a path to G.711 decodes straight to 8 kHz without resampling.
/// Encode takes one 2.5-60 ms frame and produces one packet.
/// </summary>
public sealed unsafe class OpusCodec : NativeAudioCodec
{
    public const int MaxPacketBytes = 1275;

    private readonly OpusLibrary _lib;

    internal OpusCodec(OpusLibrary lib, int sampleRate)
    {
        _lib = lib;
        Info = new AudioCodecInfo("opus", sampleRate, 48000, sampleRate / 50, MaxPacketBytes, -1, true);
        int error;
        _encoder = lib.EncoderCreate(sampleRate, 1, OpusLibrary.ApplicationVoip, &error);
        if (error != 0)
        {
            _encoder = IntPtr.Zero;
        }

        _decoder = lib.DecoderCreate(sampleRate, 1, &error);
        if (error != 0)
        {
            _decoder = IntPtr.Zero;
        }
    }

    public override AudioCodecInfo Info { get; }

    /// <summary>True when libopus created both states.</summary>
    public bool IsValid => _encoder != IntPtr.Zero && _decoder != IntPtr.Zero;

    public static bool IsSupportedRate(int rate) => rate is 8000 or 12000 or 16000 or 24000 or 48000;

    public override bool TryEncode(ReadOnlySpan<short> pcm, Span<byte> payload, out int bytesWritten)
    {
        bytesWritten = 0;
        if (_encoder == IntPtr.Zero || pcm.IsEmpty || payload.IsEmpty)
        {
            return false;
        }

        int n;
        fixed (short* input = pcm)
        fixed (byte* output = payload)
        {
            n = _lib.Encode(_encoder, input, pcm.Length, output, Math.Min(payload.Length, MaxPacketBytes));
        }

        if (n < 0)
        {
            return false;
        }

        bytesWritten = n;
        return true;
    }

    public override bool TryDecode(ReadOnlySpan<byte> payload, Span<short> pcm, out int samplesWritten)
    {
        samplesWritten = 0;
        if (_decoder == IntPtr.Zero || payload.IsEmpty || pcm.IsEmpty)
        {
            return false;
        }

        int n;
        fixed (byte* input = payload)
        fixed (short* output = pcm)
        {
            n = _lib.Decode(_decoder, input, payload.Length, output, pcm.Length, 0);
        }

        if (n < 0)
        {
            return false;
        }

        samplesWritten = n;
        return true;
    }

    private protected override void FreeEncoder(IntPtr state) => _lib.EncoderDestroy(state);

    private protected override void FreeDecoder(IntPtr state) => _lib.DecoderDestroy(state);
}
