namespace Switchboard.Media.Codecs.Native;

/// <summary>libspandsp's G.722 coder: init (allocating when passed null), encode, decode, free.</summary>
internal sealed unsafe class SpanDspG722Library
{
    private SpanDspG722Library(NativeSymbols symbols)
    {
        EncoderInit = (delegate* unmanaged<IntPtr, int, int, IntPtr>)symbols.Get("g722_encode_init");
        EncoderFree = (delegate* unmanaged<IntPtr, int>)symbols.Get("g722_encode_free");
        Encode = (delegate* unmanaged<IntPtr, byte*, short*, int, int>)symbols.Get("g722_encode");
        DecoderInit = (delegate* unmanaged<IntPtr, int, int, IntPtr>)symbols.Get("g722_decode_init");
        DecoderFree = (delegate* unmanaged<IntPtr, int>)symbols.Get("g722_decode_free");
        Decode = (delegate* unmanaged<IntPtr, short*, byte*, int, int>)symbols.Get("g722_decode");
    }

    public delegate* unmanaged<IntPtr, int, int, IntPtr> EncoderInit { get; }

    public delegate* unmanaged<IntPtr, int> EncoderFree { get; }

    /// <summary>g722_encode(state, uint8 out[], const int16 amp[], int samples) → bytes.</summary>
    public delegate* unmanaged<IntPtr, byte*, short*, int, int> Encode { get; }

    public delegate* unmanaged<IntPtr, int, int, IntPtr> DecoderInit { get; }

    public delegate* unmanaged<IntPtr, int> DecoderFree { get; }

    /// <summary>g722_decode(state, int16 amp[], const uint8 in[], int bytes) → samples.</summary>
    public delegate* unmanaged<IntPtr, short*, byte*, int, int> Decode { get; }

    public static SpanDspG722Library? TryLoad(string soname, out string? error) =>
        NativeSymbols.TryLoad(soname, symbols => new SpanDspG722Library(symbols), out error);
}
