using Switchboard.Interop.Tests.Infrastructure;

namespace Switchboard.Interop.Tests.Registrar;

/// <summary>A real softphone (baresip) registers to the embedded demo configuration and is qualified Reachable.</summary>
[Collection("sipp")]
public sealed class BaresipRegistrationTests
{
    [SkippableFact]
    public async Task Baresip_registers_to_the_demo_config_and_is_reachable()
    {
        Skip.IfNot(Baresip.Available, "baresip is not installed");
        await using var pbx = PbxInstance.Create(DemoConfig.Files());
        await pbx.StartAsync();
        await using var phone = Baresip.Start($"<sip:alice@127.0.0.1:{pbx.SipPort}>;auth_pass=alice-secret-1;regint=60", seconds: 40);
        var contacts = await pbx.WaitForCliAsync("pjsip show contacts", o => o.Contains("alice/sip:", StringComparison.Ordinal) && o.Contains("Avail", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.True(contacts.Contains("Avail", StringComparison.Ordinal), contacts + "\n--- pbx\n" + pbx.Output + "\n--- baresip\n" + phone.Output);
        Assert.Contains("alice/sip:", contacts);
        var endpoints = await pbx.CliAsync("pjsip show endpoints");
        Assert.Contains("Endpoint:  alice/Alice <1001>", endpoints);
        Assert.Contains("Not in use", endpoints);
    }
}
