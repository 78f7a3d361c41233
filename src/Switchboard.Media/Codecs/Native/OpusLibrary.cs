namespace Switchboard.Media.Codecs.Native;

/// <summary>libopus: encoder/decoder create, encode, decode, destroy.</summary>
internal sealed unsafe class OpusLibrary
{
    /// <summary>OPUS_APPLICATION_VOIP.</summary>
    public const int ApplicationVoip = 2048;

    private OpusLibrary(NativeSymbols symbols)
    {
        EncoderCreate = (delegate* unmanaged<int, int, int, int*, IntPtr>)symbols.Get("opus_encoder_create");
        EncoderDestroy = (delegate* unmanaged<IntPtr, void>)symbols.Get("opus_encoder_destroy");
        Encode = (delegate* unmanaged<IntPtr, short*, int, byte*, int, int>)symbols.Get("opus_encode");
        DecoderCreate = (delegate* unmanaged<int, int, int*, IntPtr>)symbols.Get("opus_decoder_create");
        DecoderDestroy = (delegate* unmanaged<IntPtr, void>)symbols.Get("opus_decoder_destroy");
        Decode = (delegate* unmanaged<IntPtr, byte*, int, short*, int, int, int>)symbols.Get("opus_decode");
    }

    public delegate* unmanaged<int, int, int, int*, IntPtr> EncoderCreate { get; }

    public delegate* unmanaged<IntPtr, void> EncoderDestroy { get; }

    public delegate* unmanaged<IntPtr, short*, int, byte*, int, int> Encode { get; }

    public delegate* unmanaged<int, int, int*, IntPtr> DecoderCreate { get; }

    public delegate* unmanaged<IntPtr, void> DecoderDestroy { get; }

    public delegate* unmanaged<IntPtr, byte*, int, short*, int, int, int> Decode { get; }

    public static OpusLibrary? TryLoad(string soname, out string? error) =>
        NativeSymbols.TryLoad(soname, symbols => new OpusLibrary(symbols), out error);
}
