using Switchboard.Interop.Tests.Infrastructure;

namespace Switchboard.Interop.Tests.Media;

/// <summary>
/// One PBX for the media tests. Its astdatadir (var/lib/asterisk) gets <c>sounds/en</c> linked to Debian's core
/// sounds and <c>moh/</c> with one core sound as hold music.
/// </summary>
public sealed class MediaFixture : IAsyncLifetime
{
    /// <summary>Where asterisk-core-sounds-en-wav installs (the "en" alternative symlink may be missing).</summary>
    public const string CoreSounds = "/usr/share/asterisk/sounds/en_US_f_Allison";

    public const string MusicFile = "hello-world.wav";

    public PbxInstance Pbx { get; private set; } = null!;

    public static bool SoundsAvailable => File.Exists(Path.Combine(CoreSounds, "digits", "1.wav"));

    public string LibDir => Path.Combine(Pbx.DataDir, "var", "lib", "asterisk");

    public async Task InitializeAsync()
    {
        string dataDir = Path.Combine(Path.GetTempPath(), "sb-media-" + Guid.NewGuid().ToString("N")[..10]);
        string lib = Path.Combine(dataDir, "var", "lib", "asterisk");
        Directory.CreateDirectory(Path.Combine(lib, "sounds"));
        Directory.CreateDirectory(Path.Combine(lib, "moh"));
        if (SoundsAvailable)
        {
            Directory.CreateSymbolicLink(Path.Combine(lib, "sounds", "en"), CoreSounds);
            File.Copy(Path.Combine(CoreSounds, MusicFile), Path.Combine(lib, "moh", MusicFile));
        }

        Pbx = PbxInstance.Create(MediaConfigs.Files(), dataDir: dataDir);
        await Pbx.StartAsync();
    }

    public async Task DisposeAsync() => await Pbx.DisposeAsync();
}
