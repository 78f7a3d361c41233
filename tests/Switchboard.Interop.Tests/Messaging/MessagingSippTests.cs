using Switchboard.Interop.Tests.Infrastructure;
using Switchboard.TestKit.Net;

namespace Switchboard.Interop.Tests.Messaging;

/// <summary>SIP MESSAGE through the PBX and the seed text dialplan between SIPp instances.</summary>
[Collection("sipp")]
public sealed class MessagingSippTests : IAsyncLifetime
{
    private PbxInstance _pbx = null!;

    private int _amiPort;

    public async Task InitializeAsync()
    {
        _amiPort = FreePort.Tcp();
        var files = MessagingConfigs.Files();
        files["manager.conf"] = $"""
            [general]
            enabled = yes
            bindaddr = 127.0.0.1
            port = {_amiPort}

            [msg]
            secret = msg-secret
            read = all
            write = all
            """;
        _pbx = PbxInstance.Create(files);
        await _pbx.StartAsync();
    }

    public async Task DisposeAsync() => await _pbx.DisposeAsync();

    [SkippableFact]
    public async Task Message_reaches_both_devices_of_the_callee_with_from_rewritten_to_the_senders_number()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        int first = FreePort.UdpAndTcp();
        int second = FreePort.UdpAndTcp();
        var device1 = Sipp.RunAsync("message-uas.xml", _pbx.SipPort, ["-m", "1", "-trace_msg"], TimeSpan.FromSeconds(40), localPort: first);
        var device2 = Sipp.RunAsync("message-uas.xml", _pbx.SipPort, ["-m", "1", "-trace_msg"], TimeSpan.FromSeconds(40), localPort: second);
        await RegisterContactAsync("bob", first);
        await RegisterContactAsync("bob", second);
        var sender = await Sipp.RunAsync("message-uac-auth.xml", _pbx.SipPort, ["-inf", Users("alice"), "-s", "+12025550161", "-m", "1"], TimeSpan.FromSeconds(40));
        Assert.True(sender.ExitCode == 0, "sender: " + sender + "\n" + _pbx.Output);
        foreach (var device in new[] { await device1, await device2 })
        {
            Assert.True(device.ExitCode == 0, "device: " + device + "\n" + _pbx.Output);
            Assert.Contains("MESSAGE sip:bob@127.0.0.1:", device.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("From: <sip:+12025550160@", device.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("Hi ☺ \"quoted\"\nsecond line", device.StandardOutput.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task Message_for_an_offline_user_is_stored_and_delivered_when_a_device_registers()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        var sender = await Sipp.RunAsync("message-uac-auth.xml", _pbx.SipPort, ["-inf", Users("alice"), "-s", "+12025550162", "-m", "1"], TimeSpan.FromSeconds(40));
        Assert.True(sender.ExitCode == 0, "sender: " + sender + "\n" + _pbx.Output);
        var queued = await _pbx.WaitForCliAsync("messaging show queued", o => o.Contains("1 queued message", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains("carol", queued, StringComparison.Ordinal);
        Assert.Contains("+12025550160", queued, StringComparison.Ordinal);

        int port = FreePort.UdpAndTcp();
        var device = Sipp.RunAsync("message-uas.xml", _pbx.SipPort, ["-m", "1", "-trace_msg"], TimeSpan.FromSeconds(40), localPort: port);
        await RegisterContactAsync("carol", port);
        var received = await device;
        Assert.True(received.ExitCode == 0, "device: " + received + "\n" + _pbx.Output);
        Assert.Contains("From: <sip:+12025550160@", received.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Hi ☺ \"quoted\"\nsecond line", received.StandardOutput.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        var after = await _pbx.WaitForCliAsync("messaging show queued", o => o.Contains("0 queued messages", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains("0 queued messages", after, StringComparison.Ordinal);

        // The log line is written by the asynchronous stdout logger, possibly just after the queue emptied.
        await _pbx.WaitForLogAsync(TimeSpan.FromSeconds(10), "delivered to endpoint 'carol'");
    }

    [SkippableFact]
    public async Task Message_without_credentials_is_challenged_and_never_accepted()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        var sender = await Sipp.RunAsync("message-uac-auth.xml", _pbx.SipPort, ["-inf", Sipp.UsersFile([("alice", "wrong")]), "-s", "+12025550161", "-m", "1"], TimeSpan.FromSeconds(20));
        Assert.NotEqual(0, sender.ExitCode);
        Assert.DoesNotContain("accepted (inbox", _pbx.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Ami_message_send_reaches_the_device_with_the_given_from()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        int port = FreePort.UdpAndTcp();
        var device = Sipp.RunAsync("message-uas.xml", _pbx.SipPort, ["-m", "1", "-trace_msg"], TimeSpan.FromSeconds(40), localPort: port);
        await RegisterContactAsync("dave", port);
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(System.Net.IPAddress.Loopback, _amiPort);
        using var stream = tcp.GetStream();
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        await using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await reader.ReadLineAsync(); // banner
        await writer.WriteAsync("Action: Login\r\nUsername: msg\r\nSecret: msg-secret\r\nActionID: 1\r\n\r\n");
        Assert.Contains("Success", await ReadResponseAsync(reader, "1"), StringComparison.Ordinal);
        var body64 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("From AMI ☺\nline 2"));
        await writer.WriteAsync($"Action: MessageSend\r\nActionID: 2\r\nTo: pjsip:dave\r\nFrom: +12025550199\r\nBase64Body: {body64}\r\n\r\n");
        var response = await ReadResponseAsync(reader, "2");
        Assert.True(response.Contains("Response: Success", StringComparison.Ordinal), response + "\n" + _pbx.Output);
        var received = await device;
        Assert.True(received.ExitCode == 0, "device: " + received);
        Assert.Contains("From: <sip:+12025550199@", received.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("From AMI ☺\nline 2", received.StandardOutput.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static async Task<string> ReadResponseAsync(StreamReader reader, string actionId)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        var block = new System.Text.StringBuilder();
        while (true)
        {
            var line = await reader.ReadLineAsync(cts.Token) ?? throw new IOException("AMI closed");
            if (line.Length == 0)
            {
                var text = block.ToString();
                if (text.Contains("ActionID: " + actionId, StringComparison.Ordinal) && text.Contains("Response:", StringComparison.Ordinal))
                {
                    return text;
                }

                block.Clear();
                continue;
            }

            block.AppendLine(line);
        }
    }

    private static string Users(string user) => Sipp.UsersFile([(user, "pw-" + user)]);

    private async Task RegisterContactAsync(string user, int contactPort)
    {
        var r = await Sipp.RunAsync("register-contact.xml", _pbx.SipPort, ["-inf", Users(user), "-m", "1", "-set", "contact_port", contactPort.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.True(r.ExitCode == 0, r.ToString());
    }
}
