using Switchboard.Interop.Tests.Infrastructure;

namespace Switchboard.Interop.Tests.Registrar;

/// <summary>The registrar against SIPp (sip-tester): RFC 3261 §10.3 behaviour with digest authentication.</summary>
[Collection("sipp")]
public sealed class RegistrarSippTests(RegistrarFixture fixture) : IClassFixture<RegistrarFixture>
{
    private PbxInstance Pbx => fixture.Pbx;

    [SkippableFact]
    public async Task Thousand_distinct_users_register_with_digest_auth()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        var users = Enumerable.Range(1, 1000).Select(i => (TestConfigs.User(i), TestConfigs.Password(TestConfigs.User(i))));
        var inf = Sipp.UsersFile(users);
        var r = await Sipp.RunAsync("register-auth.xml", Pbx.SipPort, ["-inf", inf, "-m", "1000", "-r", "200", "-l", "200"], TimeSpan.FromSeconds(120));
        Assert.True(r.ExitCode == 0, r.ToString());
        var contacts = await Pbx.WaitForCliAsync("pjsip show contacts", o => o.Contains("Objects found: 1000", StringComparison.Ordinal) || o.Contains("Objects found: 100", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains("u0001/sip:u0001@127.0.0.1", contacts);
        Assert.Contains("u1000/sip:u1000@127.0.0.1", contacts);
    }

    [SkippableFact]
    public async Task Wrong_password_and_unknown_user_get_the_same_challenge()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        var wrong = await Sipp.RunAsync("register-refused.xml", Pbx.SipPort, ["-inf", Sipp.UsersFile([("u0007", "not-the-password")]), "-m", "1", "-trace_msg"]);
        Assert.True(wrong.ExitCode == 0, wrong.ToString());
        var unknown = await Sipp.RunAsync("register-refused.xml", Pbx.SipPort, ["-inf", Sipp.UsersFile([("nosuchuser", "whatever")]), "-m", "1"]);
        Assert.True(unknown.ExitCode == 0, unknown.ToString());
        await WaitForLog("SecurityEvent=\"InvalidPassword\"");
        await WaitForLog("SecurityEvent=\"InvalidAccountID\"");
    }

    [SkippableFact]
    public async Task Contact_star_unregisters_every_binding()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        var inf = Sipp.UsersFile([("u0042", TestConfigs.Password("u0042"))]);
        Assert.Equal(0, (await Sipp.RunAsync("register-auth.xml", Pbx.SipPort, ["-inf", inf, "-m", "1"])).ExitCode);
        Assert.Contains("u0042/sip:u0042@", await Pbx.CliAsync("pjsip show contacts"));
        var r = await Sipp.RunAsync("unregister-all.xml", Pbx.SipPort, ["-inf", inf, "-m", "1"]);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.DoesNotContain("u0042/sip:", await Pbx.CliAsync("pjsip show contacts"));
    }

    [SkippableFact]
    public async Task Max_contacts_with_remove_existing_keeps_the_newest_and_without_it_refuses()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        var inf = Sipp.UsersFile([("u0100", TestConfigs.Password("u0100"))]);
        for (int i = 0; i < 3; i++)
        {
            var r = await Sipp.RunAsync("register-auth.xml", Pbx.SipPort, ["-inf", inf, "-m", "1"]);
            Assert.True(r.ExitCode == 0, r.ToString());
        }

        var contacts = await Pbx.CliAsync("pjsip show contacts");
        Assert.Equal(2, contacts.Split('\n').Count(l => l.Contains("u0100/sip:", StringComparison.Ordinal)));

        var strict = Sipp.UsersFile([("strict", "pw-strict")]);
        Assert.Equal(0, (await Sipp.RunAsync("register-auth.xml", Pbx.SipPort, ["-inf", strict, "-m", "1"])).ExitCode);
        Assert.Equal(0, (await Sipp.RunAsync("register-auth.xml", Pbx.SipPort, ["-inf", strict, "-m", "1"])).ExitCode);
        var third = await Sipp.RunAsync("register-forbidden.xml", Pbx.SipPort, ["-inf", strict, "-m", "1"]);
        Assert.True(third.ExitCode == 0, third.ToString());
    }

    [SkippableFact]
    public async Task Expired_nonce_gets_stale_true_then_succeeds()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        var inf = Sipp.UsersFile([("u0200", TestConfigs.Password("u0200"))]);
        var r = await Sipp.RunAsync("register-stale.xml", Pbx.SipPort, ["-inf", inf, "-m", "1"]);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("u0200/sip:", await Pbx.CliAsync("pjsip show contacts"));
    }

    [SkippableFact]
    public async Task Too_brief_expiry_gets_423_with_min_expires()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        var r = await Sipp.RunAsync("register-brief.xml", Pbx.SipPort, ["-inf", Sipp.UsersFile([("u0300", TestConfigs.Password("u0300"))]), "-m", "1"]);
        Assert.True(r.ExitCode == 0, r.ToString());
    }

    [SkippableTheory]
    [InlineData("u1")]
    [InlineData("t1")]
    public async Task Options_is_answered_over_udp_and_tcp(string transport)
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        var r = await Sipp.RunAsync("options.xml", Pbx.SipPort, ["-m", "5"], transport: transport);
        Assert.True(r.ExitCode == 0, r.ToString());
    }

    private async Task WaitForLog(string text)
    {
        for (int i = 0; i < 50 && !Pbx.Output.Contains(text, StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
        }

        Assert.Contains(text, Pbx.Output);
    }
}
