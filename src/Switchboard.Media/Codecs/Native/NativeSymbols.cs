using System.Runtime.InteropServices;

namespace Switchboard.Media.Codecs.Native;

/// <summary>
/// Loads a shared object with <see cref="NativeLibrary.TryLoad(string, out IntPtr)"/> and resolves exports, reporting
/// what is missing instead of throwing (a missing codec library only makes that codec unavailable).
/// </summary>
internal sealed class NativeSymbols
{
    private readonly IntPtr _handle;
    private readonly string _library;
    private string? _missing;

    private NativeSymbols(string library, IntPtr handle)
    {
        _library = library;
        _handle = handle;
    }

    /// <summary>The first symbol that could not be resolved, or null.</summary>
    public string? Missing => _missing;

    public static NativeSymbols? TryOpen(string library, out string? error)
    {
        if (!NativeLibrary.TryLoad(library, out var handle))
        {
            error = $"cannot load {library}";
            return null;
        }

        error = null;
        return new NativeSymbols(library, handle);
    }

    /// <summary>
    /// Opens <paramref name="library"/> and lets <paramref name="bind"/> resolve its exports; null with the reason when the
    /// library is absent or any export is missing.
    /// </summary>
    public static T? TryLoad<T>(string library, Func<NativeSymbols, T> bind, out string? error)
        where T : class
    {
        var symbols = TryOpen(library, out error);
        if (symbols is null)
        {
            return null;
        }

        var bound = bind(symbols);
        error = symbols.Missing;
        return error is null ? bound : null;
    }

    /// <summary>Resolves <paramref name="name"/>; remembers the first failure in <see cref="Missing"/>.</summary>
    public IntPtr Get(string name)
    {
        if (NativeLibrary.TryGetExport(_handle, name, out var address))
        {
            return address;
        }

        _missing ??= $"{_library} has no symbol {name}";
        return IntPtr.Zero;
    }
}
