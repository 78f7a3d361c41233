using Switchboard.Interop.Tests.Infrastructure;
using Switchboard.TestKit.Net;

namespace Switchboard.Interop.Tests.CallFeatures;

/// <summary>One PBX (with AMI on a free port) shared by the call feature tests.</summary>
public sealed class CallFeatureFixture : IAsyncLifetime
{
    public PbxInstance Pbx { get; private set; } = null!;

    public int AmiPort { get; private set; }

    /// <summary>Where the SIPp ITSP listens (the itsp AOR's static contact).</summary>
    public int TrunkPort { get; private set; }

    public string CdrFile => Path.Combine(Pbx.DataDir, "var", "log", "asterisk", "cdr-csv", "Master.csv");

    public string Outgoing => Path.Combine(Pbx.DataDir, "var", "spool", "asterisk", "outgoing");

    public string OutgoingDone => Path.Combine(Pbx.DataDir, "var", "spool", "asterisk", "outgoing_done");

    public async Task InitializeAsync()
    {
        AmiPort = FreePort.Tcp();
        TrunkPort = FreePort.UdpAndTcp();
        Pbx = PbxInstance.Create(CallFeatureConfigs.Files(AmiPort, TrunkPort));
        await Pbx.StartAsync();
    }

    public async Task DisposeAsync() => await Pbx.DisposeAsync();
}
