using Switchboard.Interop.Tests.Infrastructure;
using Switchboard.TestKit.Net;

namespace Switchboard.Interop.Tests.CallFeatures;

/// <summary>CDR rows, channel originate, call files and AMI Originate with channel events, against SIPp devices.</summary>
[Collection("sipp")]
public sealed class CallFeatureSippTests(CallFeatureFixture fixture) : IClassFixture<CallFeatureFixture>
{
    private PbxInstance Pbx => fixture.Pbx;

    [SkippableFact]
    public async Task Bridged_call_writes_one_cdr_row_in_asterisk_column_order()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        int port = await RegisterAsync("dave");
        var callee = Sipp.RunAsync("callee-answer.xml", Pbx.SipPort, ["-m", "1", "-rtp_echo"], TimeSpan.FromSeconds(60), localPort: port);
        var caller = await Sipp.RunAsync("call-uac.xml", Pbx.SipPort, ["-inf", UsersFile("alice"), "-s", "300", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        Assert.True((await callee).ExitCode == 0, "callee\n" + Pbx.Output);
        var row = await WaitForCdrAsync("\"PJSIP/dave-");
        var cols = ParseCsv(row);
        Assert.Equal(18, cols.Count);
        Assert.Equal("300", cols[2]);            // dst
        Assert.Equal("default", cols[3]);        // dcontext
        Assert.StartsWith("PJSIP/alice-", cols[5], StringComparison.Ordinal);  // channel
        Assert.StartsWith("PJSIP/dave-", cols[6], StringComparison.Ordinal);   // dstchannel
        Assert.Equal("Dial", cols[7]);           // lastapp
        Assert.Equal("PJSIP/dave,20", cols[8]);  // lastdata
        Assert.NotEqual(string.Empty, cols[10]); // answer
        Assert.Equal("ANSWERED", cols[14]);
        Assert.Equal("DOCUMENTATION", cols[15]);
        Assert.Matches(@"^\d+\.\d+$", cols[16]); // uniqueid
        Assert.Equal("vip \"gold\"", cols[17]);  // userfield from Set(CDR(userfield)=...)
        Assert.True(long.Parse(cols[12], System.Globalization.CultureInfo.InvariantCulture) >= long.Parse(cols[13], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Single(File.ReadAllLines(fixture.CdrFile), l => l.Contains("\"PJSIP/dave-", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Forked_dial_writes_one_cdr_row_per_a_b_pair_answered_and_no_answer()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        int winnerPort = await RegisterAsync("forka");
        int loserPort = await RegisterAsync("forkb");
        var winner = Sipp.RunAsync("callee-ring-answer.xml", Pbx.SipPort, ["-m", "1", "-rtp_echo"], TimeSpan.FromSeconds(60), localPort: winnerPort);
        var loser = Sipp.RunAsync("callee-ring.xml", Pbx.SipPort, ["-m", "1"], TimeSpan.FromSeconds(60), localPort: loserPort);
        var caller = await Sipp.RunAsync("call-uac.xml", Pbx.SipPort, ["-inf", UsersFile("fcaller"), "-s", "302", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        Assert.True((await winner).ExitCode == 0, "winner\n" + Pbx.Output);
        Assert.True((await loser).ExitCode == 0, "loser\n" + Pbx.Output);
        var answered = ParseCsv(await WaitForCdrAsync("\"PJSIP/forka-"));
        var cancelled = ParseCsv(await WaitForCdrAsync("\"PJSIP/forkb-"));
        Assert.StartsWith("PJSIP/fcaller-", answered[5], StringComparison.Ordinal);
        Assert.Equal(answered[5], cancelled[5]);           // same party A channel
        Assert.Equal(answered[16], cancelled[16]);         // party A's uniqueid on both rows
        Assert.Equal("302", cancelled[2]);
        Assert.Equal("ANSWERED", answered[14]);
        Assert.Equal("NO ANSWER", cancelled[14]);
        Assert.Equal(string.Empty, cancelled[10]);         // no answer time
        Assert.Equal("0", cancelled[13]);                  // billsec
        Assert.Equal(2, File.ReadAllLines(fixture.CdrFile).Count(l => l.Contains("\"PJSIP/fcaller-", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public async Task Cli_originate_application_rings_the_device_and_runs_the_application()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        int port = await RegisterAsync("olive");
        var device = Sipp.RunAsync("callee-answer.xml", Pbx.SipPort, ["-m", "1", "-rtp_echo"], TimeSpan.FromSeconds(60), localPort: port);
        await Task.Delay(300);
        var output = await Pbx.CliAsync("channel originate PJSIP/olive application Wait 1");
        Assert.DoesNotContain("Usage", output, StringComparison.Ordinal);
        var result = await device;
        Assert.True(result.ExitCode == 0, "device: " + result + "\n" + Pbx.Output);
        var row = await WaitForCdrAsync("\"PJSIP/olive-");
        var cols = ParseCsv(row);
        Assert.Equal("Wait", cols[7]);
        Assert.Equal("1", cols[8]);
        Assert.Equal("ANSWERED", cols[14]);
    }

    [SkippableFact]
    public async Task Cli_originate_extension_runs_the_dialplan_on_the_answered_channel()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        int port = await RegisterAsync("oscar");
        var device = Sipp.RunAsync("callee-answer.xml", Pbx.SipPort, ["-m", "1", "-rtp_echo"], TimeSpan.FromSeconds(60), localPort: port);
        await Task.Delay(300);
        await Pbx.CliAsync("channel originate PJSIP/oscar extension 100@orig");
        var result = await device;
        Assert.True(result.ExitCode == 0, "device: " + result + "\n" + Pbx.Output);
        await WaitForLogAsync("origext PJSIP/oscar-");
    }

    [SkippableFact]
    public async Task Call_file_rings_the_device_runs_its_extension_with_setvar_and_is_archived()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        int port = await RegisterAsync("spooly");
        var device = Sipp.RunAsync("callee-answer.xml", Pbx.SipPort, ["-m", "1", "-rtp_echo"], TimeSpan.FromSeconds(60), localPort: port);
        await Task.Delay(300);
        DropCallFile("spooly.call", """
            # a comment
            Channel: PJSIP/spooly
            CallerID: "Spool Test" <5551234>
            WaitTime: 20
            Context: orig
            Extension: 101
            Priority: 1
            Setvar: Y=fromfile
            Archive: yes
            """);
        var result = await device;
        Assert.True(result.ExitCode == 0, "device: " + result + "\n" + Pbx.Output);
        await WaitForLogAsync("origvar fromfile 5551234");
        var done = Path.Combine(fixture.OutgoingDone, "spooly.call");
        await WaitUntilAsync(() => File.Exists(done), "archived call file");
        Assert.EndsWith("Status: Completed\n", File.ReadAllText(done), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(fixture.Outgoing, "spooly.call")));
    }

    [Fact]
    public async Task Call_file_with_a_future_mtime_waits_and_an_unreachable_device_expires_into_outgoing_done()
    {
        var path = DropCallFile("later.call", "Channel: PJSIP/nobody\nApplication: Wait\nData: 1\nMaxRetries: 0\nArchive: yes\n", DateTime.UtcNow.AddSeconds(3));
        await Task.Delay(1500);
        Assert.True(File.Exists(path), "a call file scheduled in the future must wait\n" + Pbx.Output);
        var done = Path.Combine(fixture.OutgoingDone, "later.call");
        await WaitUntilAsync(() => File.Exists(done), "expired call file");
        Assert.EndsWith("Status: Expired\n", File.ReadAllText(done), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_file_with_a_local_channel_runs_both_halves_and_completes()
    {
        DropCallFile("local.call", "Channel: Local/200@lside\nContext: orig\nExtension: 101\nSetvar: Y=fromlocal\nCallerID: <4242>\nArchive: yes\n");
        await WaitForLogAsync("localside Local/200@lside-");
        await WaitForLogAsync("origvar fromlocal 4242");
        Assert.Matches(@"localside Local/200@lside-[0-9a-f]{8};2 fromlocal", Pbx.Output);
        var done = Path.Combine(fixture.OutgoingDone, "local.call");
        await WaitUntilAsync(() => File.Exists(done), "archived local call file");
        Assert.EndsWith("Status: Completed\n", File.ReadAllText(done), StringComparison.Ordinal);
        var row = await WaitForCdrAsync(";1\"");
        Assert.Contains("\"ANSWERED\"", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_call_file_is_kept_in_outgoing_done_as_failed()
    {
        DropCallFile("broken.call", "Context: orig\nExtension: 100\n");
        var done = Path.Combine(fixture.OutgoingDone, "broken.call");
        await WaitUntilAsync(() => File.Exists(done), "failed call file");
        Assert.EndsWith("Status: Failed\n", File.ReadAllText(done), StringComparison.Ordinal);
        await WaitForLogAsync("broken.call is invalid");
    }

    [SkippableFact]
    public async Task Ami_originate_async_reports_channel_events_and_originate_response()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        int port = await RegisterAsync("amy");
        await using var ami = await AmiTestClient.ConnectAsync(fixture.AmiPort, "admin", "s3cret");
        var device = Sipp.RunAsync("callee-answer.xml", Pbx.SipPort, ["-m", "1", "-rtp_echo"], TimeSpan.FromSeconds(60), localPort: port);
        await Task.Delay(300);
        await ami.SendAsync("Originate", ("ActionID", "o1"), ("Channel", "PJSIP/amy"), ("Application", "Wait"), ("Data", "2"), ("Async", "true"), ("CallerID", "\"AMI\" <777>"), ("Timeout", "20000"));
        var response = await ami.WaitForAsync(m => m.GetValueOrDefault("ActionID") == "o1" && m.ContainsKey("Response"), TimeSpan.FromSeconds(10));
        Assert.Equal("Success", response["Response"]);
        var originated = await ami.WaitForAsync(m => m.GetValueOrDefault("Event") == "OriginateResponse", TimeSpan.FromSeconds(20));
        Assert.Equal("Success", originated["Response"]);
        Assert.Equal("4", originated["Reason"]);
        var name = originated["Channel"];
        Assert.StartsWith("PJSIP/amy-", name, StringComparison.Ordinal);
        await ami.WaitForAsync(m => m.GetValueOrDefault("Event") == "Newchannel" && m.GetValueOrDefault("Channel") == name, TimeSpan.FromSeconds(5));
        await ami.WaitForAsync(m => m.GetValueOrDefault("Event") == "Newstate" && m.GetValueOrDefault("Channel") == name && m.GetValueOrDefault("ChannelStateDesc") == "Up", TimeSpan.FromSeconds(5));
        await ami.SendAsync("CoreShowChannels", ("ActionID", "c1"));
        var row = await ami.WaitForAsync(m => m.GetValueOrDefault("Event") == "CoreShowChannel" && m.GetValueOrDefault("ActionID") == "c1" && m.GetValueOrDefault("Channel") == name, TimeSpan.FromSeconds(5));
        Assert.Equal("Wait", row["Application"]);
        Assert.Equal("Up", row["ChannelStateDesc"]);
        await ami.SendAsync("Getvar", ("ActionID", "g1"), ("Channel", name), ("Variable", "CALLERID(num)"));
        var getvar = await ami.WaitForAsync(m => m.GetValueOrDefault("ActionID") == "g1", TimeSpan.FromSeconds(5));
        Assert.Equal("777", getvar.GetValueOrDefault("Value"));
        var hangup = await ami.WaitForAsync(m => m.GetValueOrDefault("Event") == "Hangup" && m.GetValueOrDefault("Channel") == name, TimeSpan.FromSeconds(10));
        Assert.Equal("16", hangup["Cause"]);
        Assert.True((await device).ExitCode == 0, "device\n" + Pbx.Output);
    }

    [SkippableFact]
    public async Task Ami_originate_to_an_extension_that_dials_reports_dial_and_bridge_events()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        int benPort = await RegisterAsync("ben");
        int amyPort = await RegisterAsync("amy");
        await using var ami = await AmiTestClient.ConnectAsync(fixture.AmiPort, "admin", "s3cret");
        var ben = Sipp.RunAsync("callee-answer.xml", Pbx.SipPort, ["-m", "1", "-rtp_echo"], TimeSpan.FromSeconds(60), localPort: benPort);
        var amy = Sipp.RunAsync("callee-answer.xml", Pbx.SipPort, ["-m", "1", "-rtp_echo"], TimeSpan.FromSeconds(60), localPort: amyPort);
        await Task.Delay(300);
        await ami.SendAsync("Originate", ("ActionID", "o2"), ("Channel", "PJSIP/amy"), ("Context", "orig"), ("Exten", "102"), ("Priority", "1"), ("Timeout", "20000"));
        var response = await ami.WaitForAsync(m => m.GetValueOrDefault("ActionID") == "o2" && m.ContainsKey("Response"), TimeSpan.FromSeconds(20));
        Assert.Equal("Success", response["Response"]);
        var begin = await ami.WaitForAsync(m => m.GetValueOrDefault("Event") == "DialBegin" && m.GetValueOrDefault("DestChannel", string.Empty).StartsWith("PJSIP/ben-", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.StartsWith("PJSIP/amy-", begin["Channel"], StringComparison.Ordinal);
        Assert.Equal("ben", begin["DialString"]);
        Assert.Equal(begin["Uniqueid"], begin["DestLinkedid"]);
        var end = await ami.WaitForAsync(m => m.GetValueOrDefault("Event") == "DialEnd" && m.GetValueOrDefault("DestChannel") == begin["DestChannel"], TimeSpan.FromSeconds(10));
        Assert.Equal("ANSWER", end["DialStatus"]);
        var enter = await ami.WaitForAsync(m => m.GetValueOrDefault("Event") == "BridgeEnter" && m.GetValueOrDefault("Channel") == begin["DestChannel"], TimeSpan.FromSeconds(10));
        await ami.SendAsync("Hangup", ("ActionID", "h1"), ("Channel", begin["Channel"]));
        var hung = await ami.WaitForAsync(m => m.GetValueOrDefault("ActionID") == "h1", TimeSpan.FromSeconds(10));
        Assert.Equal("Success", hung["Response"]);
        await ami.WaitForAsync(m => m.GetValueOrDefault("Event") == "BridgeLeave" && m.GetValueOrDefault("BridgeUniqueid") == enter["BridgeUniqueid"], TimeSpan.FromSeconds(20));
        Assert.True((await amy).ExitCode == 0, "amy\n" + Pbx.Output);
        Assert.True((await ben).ExitCode == 0, "ben\n" + Pbx.Output);
    }

    [SkippableFact]
    public async Task Trunk_challenge_is_answered_with_outbound_auth_credentials()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        var itsp = Sipp.RunAsync("trunk-challenge.xml", Pbx.SipPort, ["-m", "1", "-rtp_echo"], TimeSpan.FromSeconds(60), localPort: fixture.TrunkPort);
        await Task.Delay(300);
        var caller = await Sipp.RunAsync("call-uac.xml", Pbx.SipPort, ["-inf", UsersFile("alice"), "-s", "400", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        var result = await itsp;
        Assert.True(result.ExitCode == 0, "itsp: " + result + "\n" + Pbx.Output);
        var row = await WaitForCdrAsync("\"PJSIP/itsp-");
        Assert.Equal("ANSWERED", ParseCsv(row)[14]);
    }

    [SkippableFact]
    public async Task Message_send_to_a_trunk_answers_its_401_with_outbound_auth_credentials()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        var itsp = Sipp.RunAsync("trunk-message-challenge.xml", Pbx.SipPort, ["-m", "1"], TimeSpan.FromSeconds(60), localPort: fixture.TrunkPort);
        await Task.Delay(300);
        await using var ami = await AmiTestClient.ConnectAsync(fixture.AmiPort, "admin", "s3cret");
        await ami.SendAsync("MessageSend", ("ActionID", "m1"), ("To", "pjsip:5550100@itsp"), ("From", "+12025550111"), ("Body", "hello trunk"));
        var result = await itsp;
        Assert.True(result.ExitCode == 0, "itsp: " + result + "\n" + Pbx.Output);
        var response = await ami.WaitForAsync(m => m.GetValueOrDefault("ActionID") == "m1" && m.ContainsKey("Response"), TimeSpan.FromSeconds(20));
        Assert.True(response["Response"] == "Success", ami.Dump() + "\n" + Pbx.Output);
    }

    [SkippableFact]
    public async Task Blf_subscriber_gets_notify_terminated_early_confirmed_terminated_as_a_call_rings_and_ends()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        int blfPort = await RegisterAsync("blf");
        var watcher = Sipp.RunAsync("blf-subscribe.xml", Pbx.SipPort, ["-inf", UsersFile("watcher"), "-s", "1001", "-m", "1"], TimeSpan.FromSeconds(60), localPort: FreePort.UdpAndTcp());
        var hints = await Pbx.WaitForCliAsync("core show hints", o => o.Contains("Watchers  1", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        if (!System.Text.RegularExpressions.Regex.IsMatch(hints, @"1001@default\s+: PJSIP/blf\s+State:Idle\s+Presence:not_set\s+Watchers  1"))
        {
            Assert.Fail(hints + "\nwatcher: " + await watcher + "\n" + Pbx.Output);
        }
        var callee = Sipp.RunAsync("callee-ring-answer.xml", Pbx.SipPort, ["-m", "1", "-rtp_echo"], TimeSpan.FromSeconds(60), localPort: blfPort);
        var caller = await Sipp.RunAsync("call-uac.xml", Pbx.SipPort, ["-inf", UsersFile("alice"), "-s", "500", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + Pbx.Output);
        Assert.True((await callee).ExitCode == 0, "callee\n" + Pbx.Output);
        var result = await watcher;
        Assert.True(result.ExitCode == 0, "watcher: " + result + "\n" + Pbx.Output);
        await Pbx.WaitForCliAsync("core show hints", o => o.Contains("Watchers  0", StringComparison.Ordinal), TimeSpan.FromSeconds(5));
    }

    [SkippableFact]
    public async Task Subscribe_looks_up_the_hint_in_the_endpoints_subscribe_context_then_falls_back_to_context()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        // swatch has subscribe_context = blfctx: 1002 (only in blfctx) is found ...
        var ok = await Sipp.RunAsync("blf-subscribe-once.xml", Pbx.SipPort, ["-inf", UsersFile("swatch"), "-s", "1002", "-m", "1"], TimeSpan.FromSeconds(60), localPort: FreePort.UdpAndTcp());
        Assert.True(ok.ExitCode == 0, "swatch 1002: " + ok + "\n" + Pbx.Output);
        Assert.Contains("Subscription from swatch to 1002@blfctx", Pbx.Output, StringComparison.Ordinal);
        // ... while watcher (no subscribe_context) subscribes in its context, default, where 1002 does not exist.
        var notFound = await Sipp.RunAsync("blf-subscribe-once.xml", Pbx.SipPort, ["-inf", UsersFile("watcher"), "-s", "1002", "-m", "1", "-timeout", "10s"], TimeSpan.FromSeconds(60), localPort: FreePort.UdpAndTcp());
        Assert.NotEqual(0, notFound.ExitCode);
        Assert.DoesNotContain("Subscription from watcher to 1002", Pbx.Output, StringComparison.Ordinal);
    }

    private string DropCallFile(string name, string text, DateTime? mtime = null)
    {
        var staging = Path.Combine(Pbx.DataDir, "staging-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(staging);
        var temp = Path.Combine(staging, name);
        File.WriteAllText(temp, text.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (mtime is { } t)
        {
            File.SetLastWriteTimeUtc(temp, t);
        }

        var path = Path.Combine(fixture.Outgoing, name);
        File.Move(temp, path);
        return path;
    }

    private async Task<string> WaitForCdrAsync(string contains)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(fixture.CdrFile))
            {
                foreach (var line in File.ReadAllLines(fixture.CdrFile))
                {
                    if (line.Contains(contains, StringComparison.Ordinal))
                    {
                        return line;
                    }
                }
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException("no CDR row with " + contains + "\n" + (File.Exists(fixture.CdrFile) ? File.ReadAllText(fixture.CdrFile) : "(no Master.csv)") + "\n" + Pbx.Output);
    }

    /// <summary>cdr_csv quoting: "text" with "" for a quote, bare numbers.</summary>
    internal static List<string> ParseCsv(string line)
    {
        var cols = new List<string>();
        int i = 0;
        while (i <= line.Length)
        {
            var sb = new System.Text.StringBuilder();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (i < line.Length)
                {
                    if (line[i] == '"' && i + 1 < line.Length && line[i + 1] == '"')
                    {
                        sb.Append('"');
                        i += 2;
                    }
                    else if (line[i] == '"')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        sb.Append(line[i++]);
                    }
                }
            }
            else
            {
                while (i < line.Length && line[i] != ',')
                {
                    sb.Append(line[i++]);
                }
            }

            cols.Add(sb.ToString());
            i++; // the comma
        }

        return cols;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(what);
            }

            await Task.Delay(100);
        }
    }

    private Task WaitForLogAsync(string part) => Pbx.WaitForLogAsync(TimeSpan.FromSeconds(10), part);

    private static string UsersFile(string user) => Sipp.UsersFile([(user, "pw-" + user)]);

    private Task<int> RegisterAsync(string user) => Pbx.RegisterSippAsync(user);
}
