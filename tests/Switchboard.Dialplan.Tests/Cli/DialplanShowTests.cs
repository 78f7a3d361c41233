using Switchboard.Dialplan.Cli;
using Switchboard.Dialplan.Loading;
using Switchboard.Dialplan.Model;
using Switchboard.Dialplan.Tests.TestSupport;

namespace Switchboard.Dialplan.Tests.Cli;

/// <summary>CLI output in the format of Asterisk's "dialplan show" and "core show hints" (main/pbx.c show_dialplan_helper, handle_show_hints).</summary>
public sealed class DialplanShowTests
{
    private const string Conf = """
        [demo]
        exten => 1001,hint,PJSIP/alice
        exten => 1001,1,Dial(PJSIP/alice,20)
         same => n(done),Hangup()
        exten => _X.,1,NoOp(${EXTEN})
        include => other
        ignorepat => 9

        [other]
        exten => 600/1001,1,Echo()
        """;

    [Fact]
    public void Whole_dialplan()
    {
        var h = DialplanHarness.Load(Conf);
        var output = DialplanShow.Render(h.Dialplan, null);
        Assert.True(output.Success);
        var expected =
            "[ Context 'demo' created by 'pbx_config' ]\n" +
            "  '1001' =>         hint: PJSIP/alice                             [extensions.conf:2]\n" +
            "                    1. Dial(PJSIP/alice,20)                       [extensions.conf:3]\n" +
            "     [done]         2. Hangup()                                   [extensions.conf:4]\n" +
            "  '_X.' =>          1. NoOp(${EXTEN})                             [extensions.conf:5]\n" +
            "  Include =>        'other'                                       [pbx_config]\n" +
            "  Ignore pattern => '9'                                           [pbx_config]\n" +
            "\n" +
            "[ Context 'other' created by 'pbx_config' ]\n" +
            "  '600' (CID match '1001') => " + "1. Echo()".PadRight(45) + " [extensions.conf:10]\n" +
            "\n" +
            "-= 3 extensions (5 priorities) in 2 contexts. =-\n";
        Assert.Equal(expected, output.Text);
    }

    [Fact]
    public void One_context_and_missing_context()
    {
        var h = DialplanHarness.Load(Conf);
        var output = DialplanShow.Render(h.Dialplan, "other");
        Assert.EndsWith("-= 1 extension (1 priority) in 1 context. =-\n", output.Text, StringComparison.Ordinal);
        var missing = DialplanShow.Render(h.Dialplan, "nope");
        Assert.False(missing.Success);
        Assert.Equal("There is no existence of 'nope' context\n", missing.Text);
    }

    [Fact]
    public void Extension_filter_follows_includes_and_patterns()
    {
        var h = DialplanHarness.Load(Conf);
        var output = DialplanShow.Render(h.Dialplan, "600@demo");
        Assert.True(output.Success);
        Assert.Contains("[ Context 'demo' created by 'pbx_config' ]\n  '_X.' =>", output.Text, StringComparison.Ordinal);
        Assert.Contains("[ Included context 'other' created by 'pbx_config' ]", output.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Dial(PJSIP/alice", output.Text, StringComparison.Ordinal);
        var none = DialplanShow.Render(h.Dialplan, "abc@other");
        Assert.Equal("There is no existence of abc@other extension\n", none.Text);
    }

    [Fact]
    public void Core_show_hints()
    {
        var h = DialplanHarness.Load(Conf, hints: [new HintDefinition("+12025550160", "dp_lookup", "PJSIP/john.doe", "res_pjsip_config_wizard")]);
        var states = new Dictionary<string, string> { ["PJSIP/alice"] = DeviceStates.InUse };
        var output = HintsShow.Render(h.Dialplan, d => states.GetValueOrDefault(d, DeviceStates.Unavailable), hint => hint.Exten == "1001" ? 2 : 0);
        var expected =
            "\n    -= Registered Asterisk Dial Plan Hints =-\n" +
            "1001@demo           : PJSIP/alice           State:InUse           Presence:not_set         Watchers  2\n" +
            "+12025550160@dp_look: PJSIP/john.doe        State:Unavailable     Presence:not_set         Watchers  0\n" +
            "----------------\n" +
            "- 2 hints registered\n";
        Assert.Equal(expected, output.Text);
        var empty = HintsShow.Render(DialplanSnapshot.Empty, _ => DeviceStates.Unknown);
        Assert.Equal("There are no registered dialplan hints\n", empty.Text);
    }

    [Theory]
    [InlineData("all free", new[] { "NOT_INUSE", "NOT_INUSE" }, "NOT_INUSE", "Idle")]
    [InlineData("one in use", new[] { "NOT_INUSE", "INUSE" }, "INUSE", "InUse")]
    [InlineData("ringing wins over idle", new[] { "RINGING", "NOT_INUSE" }, "RINGING", "Ringing")]
    [InlineData("in use and ringing", new[] { "INUSE", "RINGING" }, "RINGINUSE", "InUse&Ringing")]
    [InlineData("all unavailable", new[] { "UNAVAILABLE", "UNAVAILABLE" }, "UNAVAILABLE", "Unavailable")]
    [InlineData("unavailable and free is free", new[] { "UNAVAILABLE", "NOT_INUSE" }, "NOT_INUSE", "Idle")]
    [InlineData("on hold", new[] { "ONHOLD" }, "ONHOLD", "Hold")]
    [InlineData("busy", new[] { "BUSY", "NOT_INUSE" }, "BUSY", "Busy")]
    public void Device_states_aggregate_like_asterisk(string rule, string[] devices, string aggregate, string text)
    {
        var result = DeviceStates.Aggregate(devices);
        Assert.True(aggregate == result, $"{rule}: {result}");
        Assert.Equal(text, DeviceStates.ToExtensionStateText(result));
    }
}
