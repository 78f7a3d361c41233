using Switchboard.Interop.Tests.Infrastructure;

namespace Switchboard.Interop.Tests.PrivateDial;

/// <summary>One PBX shared by the Dial(Local/...) tests.</summary>
public sealed class LocalDialFixture : IAsyncLifetime
{
    public PbxInstance Pbx { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Pbx = PbxInstance.Create(LocalDialConfig.Files());
        await Pbx.StartAsync();
    }

    public async Task DisposeAsync() => await Pbx.DisposeAsync();
}
