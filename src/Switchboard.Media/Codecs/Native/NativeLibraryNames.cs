namespace Switchboard.Media.Codecs.Native;

/// <summary>
/// The shared objects the native codecs load, by exact soname (Debian packages libopus0, libbcg729-0, libgsm1,
/// libspandsp2 ship no unversioned names without -dev packages). Overridable for tests and other distributions.
/// </summary>
public sealed record NativeLibraryNames
{
    public string Opus { get; init; } = "libopus.so.0";

    public string G729 { get; init; } = "libbcg729.so.0";

    public string Gsm { get; init; } = "libgsm.so.1";

    public string SpanDsp { get; init; } = "libspandsp.so.2";

    public static NativeLibraryNames Default { get; } = new();
}
