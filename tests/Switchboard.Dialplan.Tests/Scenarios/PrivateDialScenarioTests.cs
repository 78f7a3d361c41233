using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Tests.TestSupport;

namespace Switchboard.Dialplan.Tests.Scenarios;

/// <summary>
/// The flows of reference-mlan-asterisk.md §2.2/§2.4 run on the shipped seed dialplan with a fake channel:
/// number normalisation, ring-all through sub_dial_term, voicemail through sub_voicemail and its h
/// extension, trunk calls, the dp_answer device-state jump, messages and the greeting menu.
/// </summary>
public sealed class PrivateDialScenarioTests
{
    [Theory]
    [InlineData("flow 3: national number 0... becomes +<CONTRY_CODE>...", "0701234567", "+46701234567")]
    [InlineData("flow 3: 8+ digits without + become +...", "12025550160", "+12025550160")]
    [InlineData("flow 3: +E.164 is used as is", "+12025550160", "+12025550160")]
    public async Task Internal_calls_are_normalised_and_ring_all_devices(string rule, string dialled, string number)
    {
        var f = new PrivateDialFixture();
        var (reason, channel) = await f.Harness.RunAsync("dp_entry_call_inout", dialled, PrivateDialFixture.JohnsPhone());
        var dial = Assert.Single(f.Calls, c => c.StartsWith("Dial(", StringComparison.Ordinal));
        var expectedContacts = number == "+46701234567" ? f.Contacts["jane.doe"] : f.Contacts["john.doe"];
        Assert.True(dial == $"Dial({expectedContacts},30)", $"{rule}: {dial}");
        Assert.True(f.Harness.Logger.Contains($"Executing [{number}@dp_entry_call_inout:1] NoOp"), rule);
        Assert.Equal(DialplanExitReason.HangupApplication, reason);
        Assert.True(channel.IsHungUp);
        Assert.DoesNotContain(f.Calls, c => c.StartsWith("Minivm", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("NOANSWER")]
    [InlineData("BUSY")]
    [InlineData("CHANUNAVAIL")]
    [InlineData("CONGESTION")]
    public async Task Flow_4_unanswered_calls_go_to_voicemail_and_the_recording_is_mailed_on_hangup(string status)
    {
        var f = new PrivateDialFixture(dialStatus: status);
        var channel = PrivateDialFixture.JohnsPhone();
        await f.Harness.RunAsync("dp_entry_call_inout", "+46701234567", channel);
        Assert.Equal(
            [
                "Dial@s",
                "MinivmGreet(jane.doe@example.com,s)",
                "MinivmRecord(jane.doe@example.com,g(12))",
                "MinivmNotify(jane.doe@example.com,en_US_email)",
                "MinivmDelete()",
            ],
            f.Calls.Where(c => !c.StartsWith("Dial(", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Flow_4_no_device_registered_goes_straight_to_voicemail()
    {
        var f = new PrivateDialFixture(johnRegistered: false);
        var channel = new FakeChannel("PJSIP/jane.doe-00000002") { CallerId = new CallerIdInfo("+46701234567", "Jane") };
        await f.Harness.RunAsync("dp_entry_call_inout", "+12025550160", channel);
        Assert.DoesNotContain(f.Calls, c => c.StartsWith("Dial", StringComparison.Ordinal));
        Assert.Contains("MinivmGreet(john.doe@example.com,s)", f.Calls);
        Assert.Contains("MinivmNotify(john.doe@example.com,en_US_email)", f.Calls);
    }

    [Fact]
    public async Task Flow_4_a_failed_recording_is_announced_not_mailed()
    {
        var f = new PrivateDialFixture(dialStatus: "NOANSWER") { MinivmRecordStatus = "FAILED" };
        var (_, channel) = await f.Harness.RunAsync("dp_entry_call_inout", "+46701234567", PrivateDialFixture.JohnsPhone());
        Assert.DoesNotContain(f.Calls, c => c.StartsWith("MinivmNotify", StringComparison.Ordinal));
        Assert.Empty(channel.Played);
    }

    [Fact]
    public async Task Flow_5_callee_without_mailbox_hears_please_try_later()
    {
        var f = new PrivateDialFixture(dialStatus: "NOANSWER", janeHasMailbox: false);
        var (_, channel) = await f.Harness.RunAsync("dp_entry_call_inout", "0701234567", PrivateDialFixture.JohnsPhone());
        Assert.Equal(["please-try-call-later"], channel.Played);
        Assert.DoesNotContain(f.Calls, c => c.StartsWith("Minivm", StringComparison.Ordinal));
        Assert.True(channel.IsHungUp);
    }

    [Fact]
    public async Task Flow_6_outside_numbers_go_out_through_the_users_trunk()
    {
        var f = new PrivateDialFixture();
        await f.Harness.RunAsync("dp_entry_call_inout", "00494012345678", PrivateDialFixture.JohnsPhone());
        Assert.Equal(["Dial(PJSIP/00494012345678@itsp:mydoe)", "Dial@00494012345678"], f.Calls);
    }

    [Fact]
    public async Task Flow_7_incoming_DID_reaches_the_user_but_unknown_numbers_never_route_out()
    {
        var f = new PrivateDialFixture();
        var trunk = new FakeChannel("PJSIP/itsp:mydoe-00000003") { CallerId = new CallerIdInfo("+4940999") };
        await f.Harness.RunAsync("dp_entry_call_in", "12025550160", trunk);
        Assert.Contains("Dial(PJSIP/john.doe/sip:john@10.0.0.1:5060,30)", f.Calls);
        Assert.True(f.Harness.Logger.Contains("Executing [+12025550160@dp_entry_call_in:1] NoOp"));

        var f2 = new PrivateDialFixture();
        var (reason, _) = await f2.Harness.RunAsync("dp_entry_call_in", "+4940123456", new FakeChannel("PJSIP/itsp:mydoe-00000004"));
        Assert.DoesNotContain(f2.Calls, c => c.StartsWith("Dial", StringComparison.Ordinal));
        Assert.Equal(DialplanExitReason.HangupApplication, reason);
    }

    [Theory]
    [InlineData("NOT_INUSE", true)]
    [InlineData("INUSE", true)]
    [InlineData("RINGING", true)]
    [InlineData("UNAVAILABLE", true)]
    [InlineData("UNKNOWN", false)]
    [InlineData("INVALID", false)]
    public async Task Flow_12_dp_answer_answers_only_known_recipients(string state, bool answered)
    {
        // Goto(dev-${DEVICE_STATE(${HINT})}) jumps by device state label.
        var f = new PrivateDialFixture();
        f.DeviceStates["PJSIP/jane.doe"] = state;
        var (_, channel) = await f.Harness.RunAsync("dp_entry_answer", "+46701234567", new FakeChannel("Local/+46701234567@dp_entry_answer-00000001;1"));
        Assert.Equal(answered, channel.Log.Contains("Answer"));
        Assert.True(channel.IsHungUp);
    }

    [Fact]
    public async Task Flow_12_unknown_recipient_is_not_answered()
    {
        var f = new PrivateDialFixture();
        var (_, channel) = await f.Harness.RunAsync("dp_entry_answer", "+4940000000", new FakeChannel("Local/x;1"));
        Assert.DoesNotContain("Answer", channel.Log);
    }

    [Fact]
    public async Task Flow_10_messages_between_users_rewrite_the_sender_and_reach_every_device()
    {
        var f = new PrivateDialFixture();
        f.Message["from"] = "\"John Doe\" <sip:john.doe@example.com>";
        f.Message["body"] = "hello, jane";
        await f.Harness.RunAsync("dp_entry_text_inout", "0701234567", PrivateDialFixture.JohnsPhone());
        Assert.Equal("+12025550160", f.Message["from"]);
        // The seed sends once to the endpoint: MessageSend(pjsip:<endpoint>) reaches every registered device and
        // stores the message when none is reachable (store-and-forward).
        Assert.Equal(["MessageSend(pjsip:jane.doe,+12025550160)"], f.Calls);
        Assert.True(f.Harness.Logger.Contains("Message to jane.doe: SUCCESS"));
    }

    [Fact]
    public async Task Flow_11_messages_to_outside_numbers_go_to_websms_with_a_quoted_body()
    {
        var f = new PrivateDialFixture();
        f.Message["from"] = "<sip:john.doe@example.com>";
        f.Message["body"] = "see you at \"5\"";
        await f.Harness.RunAsync("dp_entry_text_inout", "+4940123456", PrivateDialFixture.JohnsPhone());
        var agi = Assert.Single(f.Calls);
        Assert.Equal("AGI(/usr/local/bin/websms,+4940123456,+12025550160,\"see you at \\\"5\\\"\",1)", agi);
    }

    [Fact]
    public async Task Flow_12_websms_bodies_are_uri_decoded_and_delivered_locally_only()
    {
        var f = new PrivateDialFixture();
        f.Message["from"] = "+4940999";
        f.Message["body"] = "Hi%20Jane%2C+all+good%3F";
        var channel = new FakeChannel("Message/ast_msg_queue");
        channel.Variables.Set("MESSAGE_ENCODE", "rfc3986");
        await f.Harness.RunAsync("dp_entry_text_in", "+46701234567", channel);
        Assert.Equal("Hi Jane, all good?", f.Message["body"]);
        Assert.Equal(["MessageSend(pjsip:jane.doe,+4940999)"], f.Calls);

        var f2 = new PrivateDialFixture();
        f2.Message["body"] = "x";
        await f2.Harness.RunAsync("dp_entry_text_in", "+4940123456", new FakeChannel("Message/ast_msg_queue"));
        Assert.Empty(f2.Calls);
    }

    [Fact]
    public async Task Flow_9_greeting_menu_echo_test_invalid_option_and_hangup()
    {
        var f = new PrivateDialFixture();
        var channel = PrivateDialFixture.JohnsPhone();
        channel.Script(FakeInput.Press('#'), FakeInput.Press('7'), FakeInput.Press('4'), FakeInput.HangUp);
        await f.Harness.RunAsync("dp_entry_call_inout", "6", channel);
        Assert.Equal(
            ["demo-echotest", "demo-echodone", "vm-goodbye", "basic-pbx-ivr-main", "pm-invalid-option", "basic-pbx-ivr-main", "basic-pbx-ivr-main"],
            channel.Played);
        Assert.Contains("Echo", channel.Log);
        Assert.Contains("MinivmAccMess(john.doe@example.com,n)", f.Calls);
        Assert.True(channel.IsHungUp);
    }

    [Fact]
    public async Task Flow_9_menu_timeout_asks_again_and_gives_up_after_three_times()
    {
        var f = new PrivateDialFixture();
        var channel = PrivateDialFixture.JohnsPhone();
        var (reason, _) = await f.Harness.RunAsync("dp_entry_call_inout", "9", channel);
        Assert.Equal(
            ["basic-pbx-ivr-main", "please-try-again", "basic-pbx-ivr-main", "please-try-again", "basic-pbx-ivr-main", "vm-goodbye"],
            channel.Played);
        Assert.Equal(DialplanExitReason.HangupApplication, reason);
    }

    [Fact]
    public async Task Flow_8_receive_only_users_cannot_reach_the_menu()
    {
        var f = new PrivateDialFixture();
        var (reason, channel) = await f.Harness.RunAsync("dp_entry_call_in", "6", PrivateDialFixture.JohnsPhone());
        Assert.Equal(DialplanExitReason.InvalidExtension, reason);
        Assert.Empty(channel.Played);
    }

    [Fact]
    public async Task Flow_15_local_extensions_in_the_entry_context_win_over_included_logic()
    {
        var source = SeedFiles.Folder("seed");
        source.Add("extensions_local.conf", File.ReadAllText(Path.Combine(SeedFiles.ConfigRoot, "seed", "extensions_local.conf"))
            + "\n[dp_entry_call_inout](+)\nexten => _0701234567,1,Trace(local-override)\n");
        var h = DialplanHarness.Load(source, "extensions.conf", e =>
        {
            foreach (var name in new[] { "Dial", "MinivmGreet", "MinivmRecord", "MinivmNotify", "MinivmDelete", "MinivmAccMess", "MusicOnHold", "MessageSend", "AGI" })
            {
                e.Applications.Register(new TraceApplication(name));
            }
        });
        await h.RunAsync("dp_entry_call_inout", "0701234567");
        Assert.Equal(["local-override"], h.Trace.Calls);
    }
}
