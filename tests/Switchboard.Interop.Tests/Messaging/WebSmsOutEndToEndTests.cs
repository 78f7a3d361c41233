using System.Text;
using Switchboard.Interop.Tests.Infrastructure;

namespace Switchboard.Interop.Tests.Messaging;

/// <summary>
/// "WebSMS out" as the reference does it: a phone (SIPp) sends MESSAGE to an outside number, the seed dialplan's
/// sub_text_trunk runs <c>AGI(${APP_SMS},...)</c>, APP_SMS is the real executable (a wrapper standing in for the
/// image's /usr/local/bin/websms), and the ITSP played by the test receives the request with the configured keys.
/// </summary>
[Collection("sipp")]
public sealed class WebSmsOutEndToEndTests
{
    /// <summary>The body of message-uac-auth.xml exactly as SIPp sends it (its scenario lines end in CRLF).</summary>
    private const string Body = "Hi ☺ \"quoted\"\r\nsecond line\r\n";

    [SkippableFact]
    public async Task Message_to_an_outside_number_goes_through_agi_websms_to_the_itsp()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        Skip.IfNot(OperatingSystem.IsLinux() && File.Exists("/bin/bash"), "APP_SMS is a bash wrapper (exec -a)");
        await using var itsp = FakeItsp.Start();
        var websms = $"""
            [websms]
            url_host = http://127.0.0.1:{itsp.Port}
            url_path = /sms/send/
            auth_method = basic
            auth_user = acct
            auth_secret = s3cret
            key_to = Dest
            key_from = Src
            key_body = Text
            """;
        await using var pbx = PbxInstance.Create(MessagingConfigs.Files(websms));
        var wrapper = WriteWrapper(pbx.DataDir);
        await File.WriteAllTextAsync(Path.Combine(pbx.ConfigDir, "extensions_local.conf"), $"APP_SMS = {wrapper}\n");
        await pbx.StartAsync();

        var sender = await Sipp.RunAsync("message-uac-auth.xml", pbx.SipPort, ["-inf", Sipp.UsersFile([("alice", "pw-alice")]), "-s", "+12025550199", "-m", "1"], TimeSpan.FromSeconds(40));
        Assert.True(sender.ExitCode == 0, "sender: " + sender + "\n" + pbx.Output);

        var requests = await itsp.WaitForRequestsAsync(1, TimeSpan.FromSeconds(40));
        var req = Assert.Single(requests);
        Assert.Equal("/sms/send/", req.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("acct:s3cret")), req.Authorization);
        Assert.Equal(
            "Dest=" + WebSmsOutboundTests.PhpEncode("+12025550199") + "&Src=" + WebSmsOutboundTests.PhpEncode("+12025550160") + "&Text=" + WebSmsOutboundTests.PhpEncode(Body),
            req.Body);
        await WaitForOutputAsync(pbx, "SMS to +12025550199: SUCCESS");
    }

    [SkippableFact]
    public async Task Itsp_refusing_the_sms_makes_agistatus_failure()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        Skip.IfNot(OperatingSystem.IsLinux() && File.Exists("/bin/bash"), "APP_SMS is a bash wrapper (exec -a)");
        int deadPort = Switchboard.TestKit.Net.FreePort.Tcp();
        var websms = $"""
            [websms]
            url_host = http://127.0.0.1:{deadPort}
            auth_method = none
            retry_count = 1
            retry_delay = 0.1
            """;
        await using var pbx = PbxInstance.Create(MessagingConfigs.Files(websms));
        var wrapper = WriteWrapper(pbx.DataDir);
        await File.WriteAllTextAsync(Path.Combine(pbx.ConfigDir, "extensions_local.conf"), $"APP_SMS = {wrapper}\n");
        await pbx.StartAsync();

        var sender = await Sipp.RunAsync("message-uac-auth.xml", pbx.SipPort, ["-inf", Sipp.UsersFile([("alice", "pw-alice")]), "-s", "+12025550199", "-m", "1"], TimeSpan.FromSeconds(40));
        Assert.True(sender.ExitCode == 0, "sender: " + sender + "\n" + pbx.Output);
        await WaitForOutputAsync(pbx, "SMS to +12025550199: FAILURE");
        Assert.Contains("Outbound SMS to +12025550199 failed", pbx.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// What the image's /usr/local/bin/websms is: the switchboard executable started under the name websms (argv[0]
    /// dispatch, no subcommand word), here `exec -a websms dotnet switchboard.dll TO FROM BODY [INDEX]`.
    /// </summary>
    private static string WriteWrapper(string dir)
    {
        var path = Path.Combine(dir, "websms");
        File.WriteAllText(path, $"#!/bin/bash\nexec -a websms dotnet '{PbxInstance.SwitchboardDll}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        }
        return path;
    }

    private static async Task WaitForOutputAsync(PbxInstance pbx, string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(40);
        while (!pbx.Output.Contains(text, StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(pbx.Output.Contains(text, StringComparison.Ordinal), "expected '" + text + "' in:\n" + pbx.Output);
    }
}
