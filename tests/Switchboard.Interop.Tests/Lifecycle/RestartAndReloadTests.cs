using Switchboard.Interop.Tests.Infrastructure;

namespace Switchboard.Interop.Tests.Lifecycle;

/// <summary>Registrations survive a restart (SQLite in the data dir); a broken file on reload keeps the running config.</summary>
[Collection("sipp")]
public sealed class RestartAndReloadTests
{
    [SkippableFact]
    public async Task Restart_keeps_registrations()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        var dataDir = Path.Combine(Path.GetTempPath(), "sb-restart-" + Guid.NewGuid().ToString("N")[..8]);
        var pbx = PbxInstance.Create(TestConfigs.Users(5), dataDir: dataDir);
        await pbx.StartAsync();
        var r = await Sipp.RunAsync("register-auth.xml", pbx.SipPort, ["-inf", Sipp.UsersFile([("u0003", TestConfigs.Password("u0003"))]), "-m", "1"]);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("u0003/sip:u0003@", await pbx.CliAsync("pjsip show contacts"));
        Assert.Equal(0, await pbx.StopAsync());

        await using var again = PbxInstance.Create(new Dictionary<string, string>(), sipPort: pbx.SipPort, dataDir: dataDir);
        await again.StartAsync();
        var contacts = await again.CliAsync("pjsip show contacts");
        Assert.Contains("u0003/sip:u0003@", contacts);
        Assert.Contains("Restored 1 registered contacts", again.Output);
    }

    [SkippableFact]
    public async Task Reload_with_a_broken_file_keeps_the_old_config_and_names_file_and_line()
    {
        await using var pbx = PbxInstance.Create(TestConfigs.Users(2));
        await pbx.StartAsync();
        Assert.Contains("u0002", await pbx.CliAsync("pjsip show endpoints"));
        var wizard = Path.Combine(pbx.ConfigDir, "pjsip_wizard.conf");
        await File.AppendAllTextAsync(wizard, "\n[broken](user)\ninbound_auth/username = broken\ninbound_auth/password = x\naor/max_contacts = lots\n");
        var output = await pbx.CliAsync("core reload");
        Assert.Contains("pjsip_wizard.conf:", output);
        Assert.Contains("error", output);
        Assert.Contains("running configuration is kept", output);
        var endpoints = await pbx.CliAsync("pjsip show endpoints");
        Assert.Contains("u0002", endpoints);
        Assert.DoesNotContain("broken", endpoints);

        // a good change is picked up, registrations stay
        await File.WriteAllTextAsync(wizard, (await File.ReadAllTextAsync(wizard)).Replace("aor/max_contacts = lots", "aor/max_contacts = 3", StringComparison.Ordinal));
        Assert.Contains("Configuration reloaded", await pbx.CliAsync("module reload res_pjsip.so"));
        Assert.Contains("broken", await pbx.CliAsync("pjsip show endpoints"));
    }
}
