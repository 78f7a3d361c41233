using Switchboard.Interop.Tests.Infrastructure;

namespace Switchboard.Interop.Tests.Calls;

/// <summary>One PBX shared by the call tests.</summary>
public sealed class CallFixture : IAsyncLifetime
{
    public PbxInstance Pbx { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Pbx = PbxInstance.Create(CallConfigs.Files());
        await Pbx.StartAsync();
    }

    public async Task DisposeAsync() => await Pbx.DisposeAsync();
}
