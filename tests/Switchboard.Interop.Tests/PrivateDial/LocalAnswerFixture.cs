using Switchboard.Interop.Tests.Infrastructure;
using Switchboard.Interop.Tests.Media;

namespace Switchboard.Interop.Tests.PrivateDial;

/// <summary>One PBX for the Local-answers-by-itself tests, with the core sounds and one hold-music file (as the media tests).</summary>
public sealed class LocalAnswerFixture : IAsyncLifetime
{
    public PbxInstance Pbx { get; private set; } = null!;

    public string CdrFile => Path.Combine(Pbx.DataDir, "var", "log", "asterisk", "cdr-csv", "Master.csv");

    public async Task InitializeAsync()
    {
        string dataDir = Path.Combine(Path.GetTempPath(), "sb-localans-" + Guid.NewGuid().ToString("N")[..10]);
        string lib = Path.Combine(dataDir, "var", "lib", "asterisk");
        Directory.CreateDirectory(Path.Combine(lib, "sounds"));
        Directory.CreateDirectory(Path.Combine(lib, "moh"));
        if (MediaFixture.SoundsAvailable)
        {
            Directory.CreateSymbolicLink(Path.Combine(lib, "sounds", "en"), MediaFixture.CoreSounds);
            File.Copy(Path.Combine(MediaFixture.CoreSounds, MediaFixture.MusicFile), Path.Combine(lib, "moh", MediaFixture.MusicFile));
        }

        Pbx = PbxInstance.Create(LocalAnswerConfig.Files(), dataDir: dataDir);
        await Pbx.StartAsync();
    }

    public async Task DisposeAsync() => await Pbx.DisposeAsync();
}
