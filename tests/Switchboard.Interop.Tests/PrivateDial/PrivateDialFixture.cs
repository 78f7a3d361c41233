using Switchboard.Interop.Tests.Infrastructure;
using Switchboard.TestKit.Net;

namespace Switchboard.Interop.Tests.PrivateDial;

/// <summary>One PBX on the seed configuration shared by the PrivateDial tests; the ITSP SIPp's port is fixed at start.</summary>
public sealed class PrivateDialFixture : IAsyncLifetime
{
    public PbxInstance Pbx { get; private set; } = null!;

    public int ItspPort { get; private set; }

    public async Task InitializeAsync()
    {
        ItspPort = FreePort.UdpAndTcp();
        Pbx = PbxInstance.Create(PrivateDialConfig.Files(ItspPort));
        await Pbx.StartAsync();
    }

    public async Task DisposeAsync() => await Pbx.DisposeAsync();
}
