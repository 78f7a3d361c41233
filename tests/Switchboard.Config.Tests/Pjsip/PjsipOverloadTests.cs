using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;
using Switchboard.Config.Pjsip;

namespace Switchboard.Config.Tests.Pjsip;

/// <summary>taskprocessor_overload_trigger and the overload_* keys of the global object.</summary>
public sealed class PjsipOverloadTests
{
    private static (PjsipOverload Overload, DiagnosticBag Diags) Load(string global)
    {
        var diags = new DiagnosticBag();
        var config = PjsipConfigLoader.Load(new InMemoryConfigFileSource().Add("pjsip.conf", "[global]\ntype=global\n" + global), diags);
        return (config.Global.Overload, diags);
    }

    [Fact]
    public void Defaults_leave_overload_control_on_with_working_marks()
    {
        var (o, diags) = Load(string.Empty);
        Assert.Empty(diags.Items);
        Assert.True(o.Enabled);
        Assert.Equal((500, 100, 200, 20, 0, 0, 1000, 5), (o.DelayHighMs, o.DelayLowMs, o.BacklogHighMs, o.BacklogLowMs, o.InvitesHigh, o.QueueHigh, o.MinDurationMs, o.RetryAfterSeconds));
        Assert.Equal(["INVITE", "REGISTER", "SUBSCRIBE", "MESSAGE"], o.Methods);
    }

    [Fact]
    public void Every_key_is_read()
    {
        var (o, diags) = Load("""
            taskprocessor_overload_trigger = pjsip_only
            overload_delay_high = 300
            overload_delay_low = 30
            overload_backlog_high = 150
            overload_backlog_low = 10
            overload_invites_high = 40
            overload_invites_low = 20
            overload_queue_high = 5000
            overload_queue_low = 500
            overload_min_duration = 2500
            overload_retry_after = 12
            overload_methods = invite, options
            """);
        Assert.Empty(diags.Items);
        Assert.True(o.Enabled);
        Assert.Equal((300, 30, 150, 10, 40, 20, 5000, 500, 2500, 12), (o.DelayHighMs, o.DelayLowMs, o.BacklogHighMs, o.BacklogLowMs, o.InvitesHigh, o.InvitesLow, o.QueueHigh, o.QueueLow, o.MinDurationMs, o.RetryAfterSeconds));
        Assert.Equal(["INVITE", "OPTIONS"], o.Methods);
    }

    [Fact]
    public void Trigger_none_switches_it_off_and_bad_values_are_reported()
    {
        Assert.False(Load("taskprocessor_overload_trigger = none").Overload.Enabled);

        var (_, diags) = Load("taskprocessor_overload_trigger = sometimes\noverload_retry_after = soon\n");
        Assert.Equal(2, diags.Items.Count(d => d.IsError));
        Assert.Contains(diags.Items, d => d.ToString().Contains("bad value 'sometimes' for taskprocessor_overload_trigger", StringComparison.Ordinal));

        var (o, warnings) = Load("overload_methods = INVITE,ACK\n");
        Assert.Equal(["INVITE"], o.Methods);
        var w = Assert.Single(warnings.Items);
        Assert.False(w.IsError);
        Assert.Contains("'ACK'", w.ToString(), StringComparison.Ordinal);
    }
}
