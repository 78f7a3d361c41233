using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;
using Switchboard.Dialplan.Applications;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Loading;
using Switchboard.Dialplan.Tests.TestSupport;

namespace Switchboard.Dialplan.Tests.Execution;

/// <summary>
/// The PBX loop, per the Asterisk documentation pages "Special Dialplan Extensions" (i, t, h),
/// "Auto-Fallthrough" (extensions.conf sample, [general] autofallthrough) and "Subroutines".
/// </summary>
public sealed class DialplanExecutorTests
{
    [Fact]
    public async Task Special_Dialplan_Extensions_i_receives_invalid_extensions()
    {
        var h = DialplanHarness.Load("[t]\nexten => i,1,Trace(invalid:${INVALID_EXTEN}:${EXTEN})\n");
        var (reason, _) = await h.RunAsync("t", "999");
        Assert.Equal(["invalid:999:i"], h.Trace.Calls);
        Assert.Equal(DialplanExitReason.Fallthrough, reason);
    }

    [Fact]
    public async Task Invalid_extension_without_i_ends_the_call()
    {
        var h = DialplanHarness.Load("[t]\nexten => 1,1,NoOp()\n");
        var (reason, channel) = await h.RunAsync("t", "999");
        Assert.Equal(DialplanExitReason.InvalidExtension, reason);
        Assert.True(channel.IsHungUp);
        Assert.True(h.Logger.Contains("sent to invalid extension but no invalid handler"));
        var (reason2, _) = await h.RunAsync("nosuchcontext", "1");
        Assert.Equal(DialplanExitReason.InvalidExtension, reason2);
    }

    [Theory]
    [InlineData("Auto-fallthrough: running off the end hangs up normally", "", null, 16)]
    [InlineData("Auto-fallthrough: DIALSTATUS=BUSY indicates busy", "BUSY", "Indicate:Busy", 17)]
    [InlineData("Auto-fallthrough: DIALSTATUS=CONGESTION indicates congestion", "CONGESTION", "Indicate:Congestion", 34)]
    [InlineData("Auto-fallthrough: DIALSTATUS=CHANUNAVAIL indicates congestion", "CHANUNAVAIL", "Indicate:Congestion", 34)]
    public async Task Autofallthrough(string rule, string dialStatus, string? indication, int cause)
    {
        var h = DialplanHarness.Load($"[t]\nexten => s,1,Set(DIALSTATUS={dialStatus})\n");
        var (reason, channel) = await h.RunAsync("t", "s");
        Assert.True(reason == DialplanExitReason.Fallthrough, rule);
        if (indication is not null)
        {
            Assert.Contains(indication, channel.Log);
        }

        Assert.Equal(cause, channel.HangupCause);
        Assert.True(h.Logger.Contains("Auto fallthrough"), rule);
    }

    [Fact]
    public async Task Autofallthrough_off_waits_for_an_extension_then_t()
    {
        var h = DialplanHarness.Load("[general]\nautofallthrough=no\n[t]\nexten => s,1,NoOp()\nexten => 5,1,Trace(five)\nexten => t,1,Trace(timeout)\n");
        await h.RunAsync("t", "s", new FakeChannel().Dial("5"));
        Assert.Equal(["five", "timeout"], h.Trace.Calls);
        var h2 = DialplanHarness.Load("[general]\nautofallthrough=no\n[t]\nexten => s,1,NoOp()\nexten => t,1,Trace(timeout)\n");
        await h2.RunAsync("t", "s");
        Assert.Equal(["timeout"], h2.Trace.Calls);
    }

    [Fact]
    public async Task Special_Dialplan_Extensions_h_runs_after_hangup_with_the_channel_variables()
    {
        var h = DialplanHarness.Load("""
            [t]
            exten => s,1,Set(WHO=caller)
             same => n,Answer()
             same => n,Wait(10)
             same => n,Trace(never)
            exten => h,1,Trace(h:${EXTEN}:${WHO}:${HANGUPCAUSE})
             same => n,Playback(cannot-play-now)
             same => n,Trace(h-continues)
            """);
        var (reason, channel) = await h.RunAsync("t", "s", new FakeChannel().Script(FakeInput.HangUp));
        Assert.Equal(DialplanExitReason.HungUp, reason);
        Assert.Equal(["h:h:caller:16"], h.Trace.Calls);
        Assert.DoesNotContain("Play:cannot-play-now", channel.Log);
    }

    [Fact]
    public async Task h_runs_in_the_context_where_the_call_was_when_it_hung_up()
    {
        // PrivateDial sub_voicemail relies on its own h extension running when the caller hangs up during the recording.
        var h = DialplanHarness.Load("""
            [t]
            exten => s,1,Gosub(sub,s,1(x))
            exten => h,1,Trace(h-of-t)
            [sub]
            exten => s,1,Set(MVM_RECORD_STATUS=SUCCESS)
             same => n,Wait(60)
            exten => h,1,Trace(h-of-sub:${MVM_RECORD_STATUS}:${ARG1})
            """);
        await h.RunAsync("t", "s", new FakeChannel().Script(FakeInput.HangUp));
        Assert.Equal(["h-of-sub:SUCCESS:x"], h.Trace.Calls);
    }

    [Fact]
    public async Task Hangup_application_also_runs_h()
    {
        var h = DialplanHarness.Load("[t]\nexten => s,1,Hangup(21)\nexten => h,1,Trace(h:${HANGUPCAUSE})\n");
        var (reason, _) = await h.RunAsync("t", "s");
        Assert.Equal(DialplanExitReason.HangupApplication, reason);
        Assert.Equal(["h:21"], h.Trace.Calls);
    }

    [Fact]
    public async Task Step_budget_stops_runaway_loops()
    {
        var h = DialplanHarness.Load("[t]\nexten => s,1,NoOp()\n same => n,Goto(1)\nexten => h,1,Trace(h)\n", options: new DialplanEngineOptions { MaxSteps = 500 });
        var (reason, channel) = await h.RunAsync("t", "s");
        Assert.Equal(DialplanExitReason.StepBudgetExceeded, reason);
        Assert.True(channel.IsHungUp);
        Assert.True(h.Logger.Contains("ran more than 500 dialplan priorities"));
        Assert.Equal(["h"], h.Trace.Calls);
    }

    [Fact]
    public async Task Unknown_application_ends_the_call()
    {
        var h = DialplanHarness.Load("[t]\nexten => s,1,Frobnicate()\n");
        Assert.Contains(h.Diagnostics.Items, d => d.Message.Contains("unknown application", StringComparison.Ordinal));
        var (reason, _) = await h.RunAsync("t", "s");
        Assert.Equal(DialplanExitReason.ApplicationNotFound, reason);
        Assert.True(h.Logger.Contains("No application 'Frobnicate'"));
    }

    [Fact]
    public async Task An_application_that_throws_ends_only_that_call()
    {
        var h = DialplanHarness.Load("[t]\nexten => s,1,Explode()\nexten => h,1,Trace(h)\n", e => e.Applications.Register(new ThrowingApplication()));
        var (reason, channel) = await h.RunAsync("t", "s");
        Assert.Equal(DialplanExitReason.ApplicationError, reason);
        Assert.True(channel.IsHungUp);
        Assert.Equal(["h"], h.Trace.Calls);
        Assert.True(h.Logger.Contains("Application Explode threw"));
    }

    [Fact]
    public async Task Cancellation_stops_without_running_h()
    {
        var h = DialplanHarness.Load("[t]\nexten => s,1,Trace(x)\nexten => h,1,Trace(h)\n");
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var channel = new FakeChannel();
        var reason = await h.Engine.RunAsync(channel, "t", "s", 1, cts.Token);
        Assert.Equal(DialplanExitReason.Cancelled, reason);
        Assert.Empty(h.Trace.Calls);
    }

    [Fact]
    public async Task A_token_cancelled_because_the_channel_hung_up_still_runs_h()
    {
        using var cts = new CancellationTokenSource();
        var h = DialplanHarness.Load("[t]\nexten => s,1,HangUpAndCancel()\n same => n,Trace(never)\nexten => h,1,Trace(h)\n", e => e.Applications.Register(new CallbackApplication("HangUpAndCancel", (ctx, _) =>
        {
            ((FakeChannel)ctx.Channel).CallerHangsUp();
            cts.Cancel();
            return AppResult.Continue;
        })));
        var reason = await h.Engine.RunAsync(new FakeChannel(), "t", "s", 1, cts.Token);
        Assert.Equal(DialplanExitReason.HungUp, reason);
        Assert.Equal(["h"], h.Trace.Calls);
    }

    [Fact]
    public async Task A_reload_takes_effect_at_the_next_priority()
    {
        var h = DialplanHarness.Load("[t]\nexten => s,1,Reload()\n same => n,Trace(old)\n", e => e.Applications.Register(new CallbackApplication("Reload", (ctx, _) =>
        {
            var diagnostics = new DiagnosticBag();
            var doc = ConfParser.ParseText("extensions.conf", "[t]\nexten => s,1,NoOp()\n same => n,Trace(new)\n", diagnostics);
            ctx.Engine.Publish(DialplanLoader.Load(doc, diagnostics));
            return AppResult.Continue;
        })));
        await h.RunAsync("t", "s");
        Assert.Equal(["new"], h.Trace.Calls);
    }

    [Fact]
    public void Publish_applies_globals_and_clearglobalvars()
    {
        var h = DialplanHarness.Load("[globals]\nA=1\n");
        h.Engine.Globals.Set("RUNTIME", "x");
        var diagnostics = new DiagnosticBag();
        h.Engine.Publish(DialplanLoader.Load(ConfParser.ParseText("extensions.conf", "[globals]\nA=2\n", diagnostics), diagnostics));
        Assert.Equal("2", h.Engine.Globals.Get("A"));
        Assert.Equal("x", h.Engine.Globals.Get("RUNTIME"));
        h.Engine.Publish(DialplanLoader.Load(ConfParser.ParseText("extensions.conf", "[general]\nclearglobalvars=yes\n[globals]\nB=3\n", diagnostics), diagnostics));
        Assert.Null(h.Engine.Globals.Get("RUNTIME"));
        Assert.Null(h.Engine.Globals.Get("A"));
        Assert.Equal("3", h.Engine.Globals.Get("B"));
    }

    [Fact]
    public void Reload_keeps_the_running_dialplan_when_the_new_one_has_errors()
    {
        var engine = new DialplanEngine();
        var source = new InMemoryConfigFileSource().Add("extensions.conf", "[a]\nexten => 1,1,NoOp()\n");
        Assert.False(engine.Reload(source).HasErrors);
        Assert.True(engine.Current.HasContext("a"));
        source.Add("extensions.conf", "[b]\nexten => 1,1,NoOp()\nexten => 1,1,NoOp()\n");
        var diagnostics = engine.Reload(source);
        Assert.True(diagnostics.HasErrors);
        Assert.Equal("extensions.conf:3: error: priority 1 of extension '1' in [b] is already defined at extensions.conf:2", diagnostics.Items.Single().ToString());
        Assert.True(engine.Current.HasContext("a"));
        Assert.False(engine.Current.HasContext("b"));
        var missing = engine.Reload(new InMemoryConfigFileSource());
        Assert.True(missing.HasErrors);
        Assert.True(engine.Current.HasContext("a"));
    }

    [Fact]
    public async Task Variables_set_before_the_run_are_visible()
    {
        var h = DialplanHarness.Load("[t]\nexten => _X.,1,Trace(${FROM_CORE}:${EXTEN})\n");
        var channel = new FakeChannel();
        channel.Variables.Set("FROM_CORE", "set_var");
        var state = new DialplanContext(h.Engine, channel, "t", "123");
        await h.Engine.RunAsync(state);
        Assert.Equal(["set_var:123"], h.Trace.Calls);
    }
}
