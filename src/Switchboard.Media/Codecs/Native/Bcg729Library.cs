namespace Switchboard.Media.Codecs.Native;

/// <summary>libbcg729 (G.729 Annex A): 10 ms frames of 80 samples, 10 bytes (2-byte SID frames with VAD).</summary>
internal sealed unsafe class Bcg729Library
{
    private Bcg729Library(NativeSymbols symbols)
    {
        EncoderCreate = (delegate* unmanaged<byte, IntPtr>)symbols.Get("initBcg729EncoderChannel");
        EncoderClose = (delegate* unmanaged<IntPtr, void>)symbols.Get("closeBcg729EncoderChannel");
        Encode = (delegate* unmanaged<IntPtr, short*, byte*, byte*, void>)symbols.Get("bcg729Encoder");
        DecoderCreate = (delegate* unmanaged<IntPtr>)symbols.Get("initBcg729DecoderChannel");
        DecoderClose = (delegate* unmanaged<IntPtr, void>)symbols.Get("closeBcg729DecoderChannel");
        Decode = (delegate* unmanaged<IntPtr, byte*, byte, byte, byte, byte, short*, void>)symbols.Get("bcg729Decoder");
    }

    public delegate* unmanaged<byte, IntPtr> EncoderCreate { get; }

    public delegate* unmanaged<IntPtr, void> EncoderClose { get; }

    /// <summary>bcg729Encoder(ctx, int16 in[80], uint8 bitstream[], uint8* length).</summary>
    public delegate* unmanaged<IntPtr, short*, byte*, byte*, void> Encode { get; }

    public delegate* unmanaged<IntPtr> DecoderCreate { get; }

    public delegate* unmanaged<IntPtr, void> DecoderClose { get; }

    /// <summary>bcg729Decoder(ctx, bitstream, length, erasure, sid, rfc3389, int16 out[80]).</summary>
    public delegate* unmanaged<IntPtr, byte*, byte, byte, byte, byte, short*, void> Decode { get; }

    public static Bcg729Library? TryLoad(string soname, out string? error) =>
        NativeSymbols.TryLoad(soname, symbols => new Bcg729Library(symbols), out error);
}
