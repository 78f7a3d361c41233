using Switchboard.Interop.Tests.Infrastructure;

namespace Switchboard.Interop.Tests.Registrar;

/// <summary>One PBX with 1,000 users (nonce lifetime 2 s for the stale test) shared by the registrar tests.</summary>
public sealed class RegistrarFixture : IAsyncLifetime
{
    public PbxInstance Pbx { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Pbx = PbxInstance.Create(TestConfigs.Users(1000, nonceLifetime: 2));
        await Pbx.StartAsync();
    }

    public async Task DisposeAsync() => await Pbx.DisposeAsync();
}
