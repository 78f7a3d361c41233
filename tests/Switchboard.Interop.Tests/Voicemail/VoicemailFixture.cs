using Switchboard.Interop.Tests.Infrastructure;
using Switchboard.Interop.Tests.Media;
using Switchboard.TestKit.Net;

namespace Switchboard.Interop.Tests.Voicemail;

/// <summary>One PBX on the seed dialplan with core sounds linked in; the SMTP sink's port is chosen at start and the tests start and stop the sink.</summary>
public sealed class VoicemailFixture : IAsyncLifetime
{
    public PbxInstance Pbx { get; private set; } = null!;

    public int SmtpPort { get; private set; }

    public string SpoolDir => Path.Combine(Pbx.DataDir, "var", "spool", "asterisk", "voicemail");

    public string OutboxDir => Path.Combine(Pbx.DataDir, "var", "spool", "asterisk", "mail-outbox");

    public async Task InitializeAsync()
    {
        SmtpPort = FreePort.Tcp();
        string dataDir = Path.Combine(Path.GetTempPath(), "sb-vm-" + Guid.NewGuid().ToString("N")[..10]);
        string lib = Path.Combine(dataDir, "var", "lib", "asterisk");
        Directory.CreateDirectory(Path.Combine(lib, "sounds"));
        if (MediaFixture.SoundsAvailable)
        {
            Directory.CreateSymbolicLink(Path.Combine(lib, "sounds", "en"), MediaFixture.CoreSounds);
        }

        Pbx = PbxInstance.Create(VoicemailConfig.Files(FreePort.UdpAndTcp(), SmtpPort), dataDir: dataDir);
        await Pbx.StartAsync();
    }

    public async Task DisposeAsync() => await Pbx.DisposeAsync();
}
