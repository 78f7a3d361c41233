using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Tests.TestSupport;

namespace Switchboard.Dialplan.Tests.Applications;

/// <summary>
/// Flow-control applications, each case named after its page in the Asterisk documentation
/// (API_Documentation/Dialplan_Applications/NAME).
/// </summary>
public sealed class FlowApplicationTests
{
    [Fact]
    public async Task Set_takes_everything_after_the_first_equals_including_commas()
    {
        // Set: "not caring about the separator characters (comma and vertical bar)" since 1.6.
        var h = DialplanHarness.Load("[t]\nexten => s,1,Set(X=a,b=c)\n same => n,Set(CALLERID(num)=555)\n same => n,Set(NOEQUALS)\n same => n,Trace(${X}|${CALLERID(num)})\n");
        var (reason, _) = await h.RunAsync("t", "s");
        Assert.Equal(["a,b=c|555"], h.Trace.Calls);
        Assert.Equal(DialplanExitReason.Fallthrough, reason);
        Assert.True(h.Logger.Contains("Set requires an '='"));
    }

    [Fact]
    public async Task MSet_strips_quotes_and_splits_on_commas()
    {
        var h = DialplanHarness.Load("[t]\nexten => s,1,MSet(A=1,B=\"2,3\",C=x\\,y)\n same => n,Trace(${A}|${B}|${C})\n");
        await h.RunAsync("t", "s");
        Assert.Equal(["1|2,3|x,y"], h.Trace.Calls);
    }

    [Theory]
    [InlineData("Goto: a label in the same extension", "Goto(target)", "label")]
    [InlineData("Goto: extension and priority", "Goto(100,1)", "exten100")]
    [InlineData("Goto: context, extension, priority", "Goto(other,s,1)", "other")]
    [InlineData("Goto: relative priority +n", "Goto(+2)", "label")]
    [InlineData("GotoIf: true branch", "GotoIf($[1=1]?target:100,1)", "label")]
    [InlineData("GotoIf: false branch", "GotoIf($[1=2]?target:100,1)", "exten100")]
    [InlineData("GotoIf: empty branch continues with the next priority", "GotoIf(0?target)", "next")]
    [InlineData("GotoIfTime: inside the time range", "GotoIfTime(09:00-17:00,mon-fri,*,*?target:100,1)", "label")]
    [InlineData("GotoIfTime: outside the time range", "GotoIfTime(09:00-17:00,sat,*,*?target:100,1)", "exten100")]
    [InlineData("ExecIf: runs the true application", "ExecIf($[1=1]?Goto(target):Goto(100,1))", "label")]
    [InlineData("ExecIf: runs the false application", "ExecIf(0?Goto(target):Goto(100,1))", "exten100")]
    [InlineData("ExecIf: no false application continues", "ExecIf(0?Goto(target))", "next")]
    [InlineData("Exec: runs an application by name", "Exec(Goto(other,s,1))", "other")]
    public async Task Jumps(string rule, string app, string expected)
    {
        var h = DialplanHarness.Load($"""
            [t]
            exten => s,1,{app}
             same => n,Trace(next)
             same => n(target),Trace(label)
             same => n,Hangup()
            exten => 100,1,Trace(exten100)
            [other]
            exten => s,1,Trace(other)
            """);
        await h.RunAsync("t", "s");
        Assert.True(h.Trace.Calls.Count > 0 && h.Trace.Calls[0] == expected, $"{rule}: {string.Join(",", h.Trace.Calls)}");
    }

    [Fact]
    public async Task Goto_to_a_missing_label_ends_the_call()
    {
        // PrivateDial quirk kept: menu digits without a label end the call.
        var h = DialplanHarness.Load("[t]\nexten => s,1,Goto(exten-${EXTEN})\n same => n,Trace(never)\nexten => h,1,Trace(h-ran)\n");
        var (reason, channel) = await h.RunAsync("t", "s");
        Assert.Equal(DialplanExitReason.ApplicationError, reason);
        Assert.Equal(["h-ran"], h.Trace.Calls);
        Assert.True(channel.IsHungUp);
        Assert.True(h.Logger.Contains("must be a number > 0, or valid label"));
    }

    [Fact]
    public async Task Gosub_passes_ARGn_and_Return_restores_the_caller()
    {
        var h = DialplanHarness.Load("""
            [t]
            exten => s,1,Set(ARG1=outer)
             same => n,Gosub(sub,s,1(one,two))
             same => n,Trace(back:${GOSUB_RETVAL}:${ARG1}:${ARGC}:${x})
            [sub]
            exten => s,1,Trace(in:${ARG1}:${ARG2}:${ARGC})
             same => n,Set(LOCAL(x)=local)
             same => n,Gosub(inner,s,1(only))
             same => n,Trace(after-inner:${ARG1}:${ARG2}:${x})
             same => n,Return(result)
            [inner]
            exten => s,1,Trace(inner:${ARG1}:[${ARG2}]:${ARGC}:${LOCAL(x)})
             same => n,Return()
            """);
        await h.RunAsync("t", "s");
        Assert.Equal(
            [
                "in:one:two:2",
                "inner:only:[]:1:",
                "after-inner:one:two:local",
                "back:result:outer::",
            ],
            h.Trace.Calls);
    }

    [Fact]
    public async Task Gosub_default_context_and_exten_and_GosubIf()
    {
        var h = DialplanHarness.Load("""
            [t]
            exten => s,1,Gosub(sub1)
             same => n,GosubIf($[1=1]?other,1(a):other,1(b))
             same => n,GosubIf($[1=2]?other,1(a):other,1(b))
             same => n,GosubIf(0?other,1(a))
             same => n,Trace(end)
             same => n,Hangup()
             same => n(sub1),Trace(label-sub)
             same => n,Return()
            exten => other,1,Trace(other:${ARG1})
             same => n,Return()
            """);
        await h.RunAsync("t", "s");
        Assert.Equal(["label-sub", "other:a", "other:b", "end"], h.Trace.Calls);
    }

    [Theory]
    [InlineData("Gosub: the destination must exist", "Gosub(nowhere,s,1)", "non-existent destination")]
    [InlineData("Return: without Gosub the stack is empty", "Return()", "stack is empty")]
    public async Task Gosub_errors_end_the_call(string rule, string app, string message)
    {
        var h = DialplanHarness.Load($"[t]\nexten => s,1,{app}\n same => n,Trace(never)\n");
        var (reason, _) = await h.RunAsync("t", "s");
        Assert.True(reason == DialplanExitReason.ApplicationError, rule);
        Assert.Empty(h.Trace.Calls);
        Assert.True(h.Logger.Contains(message), rule);
    }

    [Fact]
    public async Task StackPop_forgets_the_return_address()
    {
        var h = DialplanHarness.Load("""
            [t]
            exten => s,1,Gosub(sub,s,1(x))
             same => n,Trace(returned)
            [sub]
            exten => s,1,StackPop()
             same => n,Trace(popped:[${ARG1}])
             same => n,Return()
            """);
        var (reason, _) = await h.RunAsync("t", "s");
        Assert.Equal(["popped:[]"], h.Trace.Calls);
        Assert.Equal(DialplanExitReason.ApplicationError, reason);
    }

    [Fact]
    public async Task While_loops_until_the_condition_is_false()
    {
        var h = DialplanHarness.Load("""
            [t]
            exten => s,1,Set(i=0)
             same => n,While($[${i} < 3])
             same => n,Trace(i=${i})
             same => n,Set(i=$[${i} + 1])
             same => n,EndWhile()
             same => n,Trace(done:${i})
            """);
        await h.RunAsync("t", "s");
        Assert.Equal(["i=0", "i=1", "i=2", "done:3"], h.Trace.Calls);
    }

    [Fact]
    public async Task While_false_at_start_skips_the_body_and_nested_loops_match()
    {
        var h = DialplanHarness.Load("""
            [t]
            exten => s,1,While(0)
             same => n,While(1)
             same => n,Trace(never)
             same => n,EndWhile()
             same => n,EndWhile()
             same => n,Trace(after)
            """);
        await h.RunAsync("t", "s");
        Assert.Equal(["after"], h.Trace.Calls);
    }

    [Fact]
    public async Task ExitWhile_and_ContinueWhile()
    {
        var h = DialplanHarness.Load("""
            [t]
            exten => s,1,Set(i=0)
             same => n,While(1)
             same => n,Set(i=$[${i} + 1])
             same => n,ExecIf($[${i} = 2]?ContinueWhile())
             same => n,ExecIf($[${i} = 4]?ExitWhile())
             same => n,Trace(body:${i})
             same => n,EndWhile()
             same => n,Trace(out:${i})
            """);
        await h.RunAsync("t", "s");
        Assert.Equal(["body:1", "body:3", "out:4"], h.Trace.Calls);
    }

    [Fact]
    public async Task While_SHIFT_loop_over_contacts()
    {
        // PrivateDial sub_text_term: While($["${SET(contact=${SHIFT(contacts,&)})}" != ""]).
        var h = DialplanHarness.Load("""
            [t]
            exten => s,1,Set(contacts=PJSIP/john/sip:a@1.2.3.4:5060&PJSIP/john/sip:b@5.6.7.8\;transport=tcp)
             same => n,While($["${SET(contact=${SHIFT(contacts,&)})}" != ""])
             same => n,Trace(${CUT(contact,/,2-)})
             same => n,EndWhile()
             same => n,Trace(left:[${contacts}])
            """);
        await h.RunAsync("t", "s");
        Assert.Equal(["john/sip:a@1.2.3.4:5060", "john/sip:b@5.6.7.8;transport=tcp", "left:[]"], h.Trace.Calls);
    }

    [Fact]
    public async Task EndWhile_without_While_warns_and_continues()
    {
        var h = DialplanHarness.Load("[t]\nexten => s,1,EndWhile()\n same => n,Trace(after)\n");
        await h.RunAsync("t", "s");
        Assert.Equal(["after"], h.Trace.Calls);
        Assert.True(h.Logger.Contains("EndWhile without a While"));
    }

    [Theory]
    [InlineData("Verbose: message with level", "Verbose(2,Hello, world)", "Hello, world")]
    [InlineData("Verbose: message only", "Verbose(Hi there)", "Hi there")]
    [InlineData("Log: level and message with location", "Log(WARNING,Careful)", "Ext. s:1 @ t: Careful")]
    [InlineData("NoOp: does nothing (arguments still substituted)", "NoOp(${EXTEN})", null)]
    [InlineData("ResetCDR: accepted as a no-op", "ResetCDR()", null)]
    [InlineData("NoCDR: accepted as a no-op", "NoCDR()", null)]
    public async Task Logging_and_no_ops_continue(string rule, string app, string? logged)
    {
        var h = DialplanHarness.Load($"[t]\nexten => s,1,{app}\n same => n,Trace(next)\n");
        await h.RunAsync("t", "s");
        Assert.True(h.Trace.Calls.SequenceEqual(["next"]), rule);
        if (logged is not null)
        {
            Assert.True(h.Logger.Contains(logged), rule + ": " + string.Join("\n", h.Logger.Lines));
        }
    }
}
