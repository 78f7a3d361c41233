using Switchboard.Dialplan.Agi;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Tests.TestSupport;

namespace Switchboard.Dialplan.Tests.Agi;

/// <summary>
/// Each AGI command against a fake channel, with the reply Asterisk gives (AGI command pages of the Asterisk
/// documentation: AGICommand_NAME).
/// </summary>
public sealed class AgiCommandTests
{
    private const string Dialplan = "[t]\nexten => s,1,NoOp()\n same => n(later),NoOp()\n same => n,NoOp()\n[other]\nexten => 5,1,NoOp()\n";

    private static (AgiSession Session, FakeChannel Channel, DialplanHarness H) NewSession(FakeChannel? channel = null)
    {
        var h = DialplanHarness.Load(Dialplan);
        channel ??= new FakeChannel();
        var context = h.NewContext("t", "s", channel);
        return (new AgiSession(context, Stream.Null, Stream.Null, isNetwork: false), channel, h);
    }

    private static async Task<string?> Send(AgiSession session, string line) => await session.HandleAsync(line, CancellationToken.None);

    [Fact]
    public async Task Get_variable_returns_1_and_the_value_in_parentheses_or_0_when_unset()
    {
        var (s, ch, _) = NewSession();
        ch.Variables.Set("FOO", "bar baz");
        Assert.Equal("200 result=1 (bar baz)", await Send(s, "GET VARIABLE FOO"));
        Assert.Equal("200 result=0", await Send(s, "get variable NOPE"));
        Assert.Equal("200 result=1 (PJSIP/alice-00000001)", await Send(s, "GET VARIABLE CHANNEL"));
        Assert.Equal("200 result=1 (1001)", await Send(s, "GET VARIABLE CALLERID(num)"));
    }

    [Fact]
    public async Task Get_full_variable_substitutes_an_expression()
    {
        var (s, ch, _) = NewSession();
        ch.Variables.Set("A", "x");
        Assert.Equal("200 result=1 (x-1001-3)", await Send(s, "GET FULL VARIABLE \"${A}-${CALLERID(num)}-$[1+2]\""));
        Assert.Equal("200 result=0", await Send(s, "GET FULL VARIABLE ${A} PJSIP/other-1"));
    }

    [Fact]
    public async Task Set_variable_sets_channel_variables_and_functions()
    {
        var (s, ch, _) = NewSession();
        Assert.Equal("200 result=1", await Send(s, "SET VARIABLE RESULT \"two words\""));
        Assert.Equal("two words", ch.Variables.Get("RESULT"));
        Assert.Equal("200 result=1", await Send(s, "SET VARIABLE CALLERID(name) Bob"));
        Assert.Equal("Bob", ch.CallerId.Name);
    }

    [Fact]
    public async Task Unknown_commands_get_510_and_bad_arguments_get_the_520_usage_block()
    {
        var (s, _, h) = NewSession();
        Assert.Equal(AgiReplies.Unknown, await Send(s, "FROBNICATE now"));
        Assert.True(h.Logger.Contains("unknown command: FROBNICATE now"));
        var usage = await Send(s, "GET VARIABLE");
        Assert.Equal("520-Invalid command syntax.  Proper usage follows:\n Usage: GET VARIABLE <variablename>\n520 End of proper usage.", usage);
        Assert.StartsWith("520-", await Send(s, "DATABASE PUT fam key"));
        Assert.Null(await Send(s, "   "));
    }

    [Fact]
    public async Task Answer_hangup_and_channel_status_follow_the_channel_state()
    {
        var (s, ch, _) = NewSession();
        Assert.Equal("200 result=4", await Send(s, "CHANNEL STATUS"));
        Assert.Equal("200 result=0", await Send(s, "ANSWER"));
        Assert.Equal(["Answer"], ch.Log);
        Assert.Equal("200 result=6", await Send(s, "CHANNEL STATUS PJSIP/alice-00000001"));
        Assert.Equal("200 result=-1", await Send(s, "CHANNEL STATUS PJSIP/someone-else"));
        Assert.Equal("200 result=-1", await Send(s, "HANGUP PJSIP/someone-else"));
        Assert.Equal("200 result=1", await Send(s, "HANGUP"));
        Assert.True(ch.IsHungUp);
        Assert.Equal(16, ch.HangupCause);
        Assert.Equal("200 result=0", await Send(s, "CHANNEL STATUS"));
    }

    [Fact]
    public async Task After_hangup_media_commands_get_511_but_variables_still_work()
    {
        var (s, ch, _) = NewSession();
        await ch.HangupAsync(16, CancellationToken.None);
        Assert.Equal(AgiReplies.DeadChannel, await Send(s, "STREAM FILE beep \"\""));
        Assert.Equal(AgiReplies.DeadChannel, await Send(s, "ANSWER"));
        Assert.Equal("200 result=1", await Send(s, "SET VARIABLE X 1"));
        Assert.Equal("200 result=1 (1)", await Send(s, "GET VARIABLE X"));
    }

    [Fact]
    public async Task Stream_file_reports_the_interrupting_digit_as_its_ascii_code()
    {
        var (s, ch, _) = NewSession(new FakeChannel { ExistingFiles = ["beep", "hello"] }.Script(FakeInput.Press('5')));
        Assert.Equal("200 result=0 endpos=0", await Send(s, "STREAM FILE hello 12"));
        Assert.Equal("200 result=53 endpos=0", await Send(s, "STREAM FILE beep 0123456789"));
        Assert.Equal("200 result=-1 endpos=0", await Send(s, "STREAM FILE nosuch \"\""));
        Assert.Equal(["Play:hello", "Play:beep", "Missing:nosuch"], ch.Log);
    }

    [Fact]
    public async Task Wait_for_digit_returns_the_ascii_code_0_on_timeout_and_minus_1_on_hangup()
    {
        var (s, ch, _) = NewSession(new FakeChannel().Script(FakeInput.Press('#'), FakeInput.Silence, FakeInput.HangUp));
        Assert.StartsWith("520", await Send(s, "WAIT FOR DIGIT soon"));
        Assert.Equal("200 result=35", await Send(s, "WAIT FOR DIGIT 3000"));
        Assert.Equal("200 result=0", await Send(s, "WAIT FOR DIGIT 500"));
        Assert.Equal("200 result=-1", await Send(s, "WAIT FOR DIGIT -1"));
        Assert.Equal(["WaitDigit:3", "WaitDigit:0.5", "WaitDigit:86400", "CallerHangup"], ch.Log);
        Assert.Equal(AgiReplies.DeadChannel, await Send(s, "WAIT FOR DIGIT 100"));
    }

    [Fact]
    public async Task Get_data_plays_the_prompt_and_collects_digits()
    {
        var (s, _, _) = NewSession(new FakeChannel().Dial("12#").Dial("9").Script(FakeInput.Silence));
        Assert.Equal("200 result=12", await Send(s, "GET DATA enter-number 2000"));
        Assert.Equal("200 result=9 (timeout)", await Send(s, "GET DATA enter-number 2000 4"));
        var (s2, _, _) = NewSession(new FakeChannel().Dial("1234"));
        Assert.Equal("200 result=123", await Send(s2, "GET DATA beep 1000 3"));
    }

    [Fact]
    public async Task Exec_runs_a_dialplan_application_and_reports_unknown_ones_with_minus_2()
    {
        var (s, ch, h) = NewSession();
        Assert.Equal("200 result=0", await Send(s, "EXEC Set X=hello"));
        Assert.Equal("hello", ch.Variables.Get("X"));
        Assert.Equal("200 result=0", await Send(s, "EXEC Trace a b"));
        Assert.Equal(["a b"], h.Trace.Calls);
        Assert.Equal("200 result=-2", await Send(s, "EXEC NoSuchApp x"));
        Assert.Equal("200 result=-1", await Send(s, "EXEC Hangup 17"));
    }

    [Fact]
    public async Task Database_commands_use_astdb()
    {
        var (s, _, h) = NewSession();
        Assert.Equal("200 result=0", await Send(s, "DATABASE GET cf 1001"));
        Assert.Equal("200 result=1", await Send(s, "DATABASE PUT cf 1001 \"5551234\""));
        Assert.True(h.Engine.AstDb.TryGet("cf", "1001", out var v));
        Assert.Equal("5551234", v);
        Assert.Equal("200 result=1 (5551234)", await Send(s, "DATABASE GET cf 1001"));
        Assert.Equal("200 result=1", await Send(s, "DATABASE DEL cf 1001"));
        Assert.Equal("200 result=0", await Send(s, "DATABASE DEL cf 1001"));
    }

    [Fact]
    public async Task Verbose_logs_and_noop_answers_0()
    {
        var (s, _, h) = NewSession();
        Assert.Equal("200 result=1", await Send(s, "VERBOSE \"hello from agi\" 3"));
        Assert.True(h.Logger.Contains("hello from agi"), string.Join("\n", h.Logger.Lines));
        Assert.Equal("200 result=0", await Send(s, "NOOP"));
    }

    [Fact]
    public async Task Set_context_extension_and_priority_move_the_dialplan_when_agi_returns()
    {
        var (s, _, _) = NewSession();
        Assert.Equal("200 result=0", await Send(s, "SET PRIORITY later"));
        Assert.Equal(1, s.Context.Priority);
        Assert.Equal("200 result=-1", await Send(s, "SET PRIORITY nolabel"));
        Assert.Equal("200 result=0", await Send(s, "SET CONTEXT other"));
        Assert.Equal("200 result=0", await Send(s, "SET EXTENSION 5"));
        Assert.Equal("200 result=0", await Send(s, "SET PRIORITY 1"));
        Assert.Equal(new Switchboard.Dialplan.Model.DialplanLocation("other", "5", 0), s.Context.Location);
    }

    [Fact]
    public async Task Say_commands_play_prompt_sequences_and_report_the_interrupting_digit()
    {
        var (s, ch, _) = NewSession(new FakeChannel().Script(FakeInput.Press('1')));
        Assert.Equal("200 result=0", await Send(s, "SAY DIGITS 42 \"\""));
        Assert.Equal("200 result=0", await Send(s, "SAY NUMBER 21 #"));
        Assert.Equal("200 result=49", await Send(s, "SAY ALPHA ab 1"));
        Assert.Equal(["Play:digits/4", "Play:digits/2", "Play:digits/20", "Play:digits/1", "Play:letters/a"], ch.Log);
        Assert.StartsWith("520", await Send(s, "SAY DIGITS 4x2 #"));
        Assert.StartsWith("520", await Send(s, "SAY NUMBER many #"));
    }

    [Fact]
    public async Task Get_option_plays_then_waits_for_one_allowed_digit()
    {
        var (s, ch, _) = NewSession(new FakeChannel().Script(FakeInput.Silence, FakeInput.Press('3'), FakeInput.Press('9')));
        Assert.Equal("200 result=0 endpos=0", await Send(s, "GET OPTION beep 123 2000"));
        Assert.Equal("200 result=51 endpos=0", await Send(s, "GET OPTION beep 123 2000"));
        Assert.Equal("200 result=0 endpos=0", await Send(s, "GET OPTION beep 123 2000"));
        Assert.Equal("200 result=0 endpos=0", await Send(s, "GET OPTION beep 123"));
        Assert.Equal(["Play:beep", "WaitDigit:2", "Play:beep", "Play:beep", "WaitDigit:2", "Play:beep"], ch.Log);
    }

    [Fact]
    public async Task Set_callerid_sets_name_and_number()
    {
        var (s, ch, _) = NewSession();
        Assert.Equal("200 result=1", await Send(s, "SET CALLERID \"\\\"Bob B\\\" <2002>\""));
        Assert.Equal(("Bob B", "2002"), (ch.CallerId.Name, ch.CallerId.Number));
        Assert.Equal("200 result=1", await Send(s, "SET CALLERID 3003"));
        Assert.Equal("3003", ch.CallerId.Number);
    }
}
