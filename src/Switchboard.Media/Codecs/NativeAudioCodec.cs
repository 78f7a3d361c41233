namespace Switchboard.Media.Codecs;

/// <summary>
/// Base of the codecs backed by a native library (G.722, G.729, GSM, Opus): one encoder and one decoder state,
/// each freed exactly once by <see cref="Dispose"/> or, when the owner forgot, by the finalizer. A zero state means
/// the library could not create it; the codec then refuses that direction.
/// </summary>
public abstract class NativeAudioCodec : IAudioCodec
{
    private protected IntPtr _encoder;
    private protected IntPtr _decoder;

    private protected NativeAudioCodec()
    {
    }

    ~NativeAudioCodec() => Release();

    public abstract AudioCodecInfo Info { get; }

    public abstract bool TryEncode(ReadOnlySpan<short> pcm, Span<byte> payload, out int bytesWritten);

    public abstract bool TryDecode(ReadOnlySpan<byte> payload, Span<short> pcm, out int samplesWritten);

    public void Dispose()
    {
        Release();
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees one encoder state (never called with zero).</summary>
    private protected abstract void FreeEncoder(IntPtr state);

    /// <summary>Frees one decoder state (never called with zero).</summary>
    private protected abstract void FreeDecoder(IntPtr state);

    private void Release()
    {
        if (_encoder != IntPtr.Zero)
        {
            FreeEncoder(_encoder);
            _encoder = IntPtr.Zero;
        }

        if (_decoder != IntPtr.Zero)
        {
            FreeDecoder(_decoder);
            _decoder = IntPtr.Zero;
        }
    }
}
