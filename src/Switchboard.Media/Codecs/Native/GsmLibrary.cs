namespace Switchboard.Media.Codecs.Native;

/// <summary>libgsm (GSM 06.10 full rate): gsm_create, gsm_encode, gsm_decode, gsm_option, gsm_destroy.</summary>
internal sealed unsafe class GsmLibrary
{
    /// <summary>gsm_option code that selects the WAV49 (Microsoft GSM 6.10 in WAV) frame packing.</summary>
    public const int OptionWav49 = 4;

    private GsmLibrary(NativeSymbols symbols)
    {
        Create = (delegate* unmanaged<IntPtr>)symbols.Get("gsm_create");
        Destroy = (delegate* unmanaged<IntPtr, void>)symbols.Get("gsm_destroy");
        Encode = (delegate* unmanaged<IntPtr, short*, byte*, void>)symbols.Get("gsm_encode");
        Decode = (delegate* unmanaged<IntPtr, byte*, short*, int>)symbols.Get("gsm_decode");
        Option = (delegate* unmanaged<IntPtr, int, int*, int>)symbols.Get("gsm_option");
    }

    public delegate* unmanaged<IntPtr> Create { get; }

    public delegate* unmanaged<IntPtr, void> Destroy { get; }

    public delegate* unmanaged<IntPtr, short*, byte*, void> Encode { get; }

    public delegate* unmanaged<IntPtr, byte*, short*, int> Decode { get; }

    public delegate* unmanaged<IntPtr, int, int*, int> Option { get; }

    public static GsmLibrary? TryLoad(string soname, out string? error) =>
        NativeSymbols.TryLoad(soname, symbols => new GsmLibrary(symbols), out error);
}
