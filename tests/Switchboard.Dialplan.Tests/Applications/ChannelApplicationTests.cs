using Switchboard.Dialplan.Applications;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Tests.TestSupport;

namespace Switchboard.Dialplan.Tests.Applications;

/// <summary>
/// Applications that act on the channel, each case named after its page in the Asterisk documentation
/// (API_Documentation/Dialplan_Applications/NAME).
/// </summary>
public sealed class ChannelApplicationTests
{
    private const string Sounds = "/usr/share/asterisk/sounds/en_US_f_Allison";

    private static async Task<(DialplanHarness H, DialplanExitReason Reason, FakeChannel Channel)> Run(string body, FakeChannel? channel = null, string extra = "")
    {
        var h = DialplanHarness.Load($"[t]\nexten => s,1,{body}\n{extra}");
        var (reason, ch) = await h.RunAsync("t", "s", channel);
        return (h, reason, ch);
    }

    [Fact]
    public async Task Answer_answers_once_and_waits_the_delay()
    {
        var (_, _, ch) = await Run("Answer(500)\n same => n,Answer()");
        Assert.Equal(["Answer", "Wait:0.5", "Hangup:16"], ch.Log);
    }

    [Theory]
    [InlineData("Hangup: numeric cause", "Hangup(17)", 17)]
    [InlineData("Hangup: cause by name", "Hangup(USER_BUSY)", 17)]
    [InlineData("Hangup: default normal clearing", "Hangup()", 16)]
    public async Task Hangup_sets_the_cause(string rule, string app, int cause)
    {
        var (h, reason, ch) = await Run(app + "\n same => n,Trace(never)");
        Assert.True(reason == DialplanExitReason.HangupApplication, rule);
        Assert.Equal(cause, ch.HangupCause);
        Assert.Empty(h.Trace.Calls);
    }

    [Fact]
    public async Task Wait_pauses_and_stops_when_the_caller_hangs_up()
    {
        var (h, reason, ch) = await Run("Wait(1.5)\n same => n,Wait(2)\n same => n,Trace(never)", new FakeChannel().Script(FakeInput.HangUp));
        Assert.Equal(DialplanExitReason.HungUp, reason);
        Assert.Empty(h.Trace.Calls);
        Assert.Contains("CallerHangup", ch.Log);
    }

    [Fact]
    public async Task Playback_answers_plays_each_file_and_skips_missing_ones()
    {
        var ch = new FakeChannel { ExistingFiles = ["hello-world", "vm-goodbye"] };
        var (h, _, _) = await Run("Playback(hello-world&nope&vm-goodbye)\n same => n,Trace(${PLAYBACKSTATUS})", ch);
        Assert.Equal(["Answer", "Play:hello-world", "Missing:nope", "Play:vm-goodbye"], ch.Log.Take(4));
        Assert.Equal(["FAILED"], h.Trace.Calls);
        Assert.True(h.Logger.Contains("Playback failed on PJSIP/alice-00000001 for nope"));
    }

    [Theory]
    [InlineData("Playback: skip does nothing when not answered", "Playback(hello-world,skip)", false, false)]
    [InlineData("Playback: noanswer plays as early media", "Playback(hello-world,noanswer)", false, true)]
    [InlineData("Playback: plays after answering", "Playback(hello-world)", true, true)]
    public async Task Playback_options(string rule, string app, bool answered, bool played)
    {
        var (_, _, ch) = await Run(app);
        Assert.True(answered == ch.Log.Contains("Answer"), rule);
        Assert.True(played == ch.Played.Contains("hello-world"), rule);
    }

    [Fact]
    public async Task Playback_ignores_digits()
    {
        var (h, _, _) = await Run("Playback(hello-world)\n same => n,Trace(next)", new FakeChannel().Dial("5"));
        Assert.Equal(["next"], h.Trace.Calls);
    }

    [Theory]
    [InlineData("Progress: sends 183", "Progress()", "Indicate:Progress")]
    [InlineData("Ringing: sends 180", "Ringing()", "Indicate:Ringing")]
    public async Task Progress_and_Ringing_continue(string rule, string app, string logged)
    {
        var (h, _, ch) = await Run(app + "\n same => n,Trace(next)");
        Assert.True(ch.Log.Contains(logged), rule);
        Assert.Equal(["next"], h.Trace.Calls);
    }

    [Theory]
    [InlineData("Busy: indicates busy, waits, hangs up with cause 17", "Busy(3)", "Indicate:Busy", 17, 3)]
    [InlineData("Congestion: indicates congestion, hangs up with cause 34", "Congestion()", "Indicate:Congestion", 34, 10)]
    public async Task Busy_and_Congestion_end_the_call(string rule, string app, string logged, int cause, int waited)
    {
        var (h, reason, ch) = await Run(app + "\n same => n,Trace(never)");
        Assert.True(reason == DialplanExitReason.HangupApplication, rule);
        Assert.Contains(logged, ch.Log);
        Assert.Contains($"Wait:{waited}", ch.Log);
        Assert.Equal(cause, ch.HangupCause);
        Assert.Empty(h.Trace.Calls);
    }

    [Fact]
    public async Task Echo_continues_after_pound()
    {
        var (h, _, ch) = await Run("Echo()\n same => n,Trace(next)", new FakeChannel().Dial("12#"));
        Assert.Contains("Echo", ch.Log);
        Assert.Equal(["next"], h.Trace.Calls);
    }

    [Fact]
    public async Task WaitExten_collects_digits_and_jumps_to_the_extension()
    {
        // WaitExten + the PBX digit collection: '1' could still become 12, so it waits for the next digit.
        var extra = "exten => 1,1,Trace(one)\nexten => 12,1,Trace(twelve)\nexten => 3,1,Trace(three)\n";
        var (h, _, _) = await Run("WaitExten(5)", new FakeChannel().Dial("12"), extra);
        Assert.Equal(["twelve"], h.Trace.Calls);
        var (h2, _, ch2) = await Run("WaitExten(5)", new FakeChannel().Script(FakeInput.Press('1'), FakeInput.Silence), extra);
        Assert.Equal(["one"], h2.Trace.Calls);
        Assert.Contains("WaitDigit:5", ch2.Log);
        var (h3, _, ch3) = await Run("WaitExten(5)", new FakeChannel().Dial("3"), extra);
        Assert.Equal(["three"], h3.Trace.Calls);
        Assert.Single(ch3.Log, l => l.StartsWith("WaitDigit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WaitExten_timeout_goes_to_t_or_ends_the_call()
    {
        var (h, _, _) = await Run("WaitExten(2)", null, "exten => t,1,Trace(timeout)\n");
        Assert.Equal(["timeout"], h.Trace.Calls);
        var (h2, reason, _) = await Run("WaitExten(2)\n same => n,Trace(never)");
        Assert.Empty(h2.Trace.Calls);
        Assert.Equal(DialplanExitReason.HangupApplication, reason);
        Assert.True(h2.Logger.Contains("no rule 't'"));
    }

    [Fact]
    public async Task Invalid_digits_go_to_i_with_INVALID_EXTEN()
    {
        var (h, _, _) = await Run("WaitExten(5)", new FakeChannel().Dial("7"), "exten => 1,1,Trace(one)\nexten => i,1,Trace(invalid:${INVALID_EXTEN})\n");
        Assert.Equal(["invalid:7"], h.Trace.Calls);
    }

    [Fact]
    public async Task Background_is_interrupted_by_a_digit()
    {
        var ch = new FakeChannel().Dial("2");
        var (h, _, _) = await Run("Background(basic-pbx-ivr-main&vm-goodbye)\n same => n,Trace(not-interrupted)", ch, "exten => 2,1,Trace(two:${BACKGROUNDSTATUS})\n");
        Assert.Equal(["two:SUCCESS"], h.Trace.Calls);
        Assert.Equal(["basic-pbx-ivr-main"], ch.Played);
    }

    [Fact]
    public async Task Background_plays_all_files_and_continues_without_digits()
    {
        var ch = new FakeChannel();
        var (h, _, _) = await Run("Background(a&b)\n same => n,Trace(${BACKGROUNDSTATUS})", ch);
        Assert.Equal(["a", "b"], ch.Played);
        Assert.Equal(["SUCCESS"], h.Trace.Calls);
        Assert.Contains("Answer", ch.Log);
    }

    [Fact]
    public async Task Background_options_missing_files_and_context_argument()
    {
        var (h, _, ch) = await Run("Background(a,s)\n same => n,Trace(${BACKGROUNDSTATUS})");
        Assert.Empty(ch.Played);
        Assert.Equal(["SUCCESS"], h.Trace.Calls);

        var missing = new FakeChannel { ExistingFiles = [] };
        var (h2, _, _) = await Run("Background(nofile)\n same => n,Trace(${BACKGROUNDSTATUS})", missing);
        Assert.Equal(["FAILED"], h2.Trace.Calls);

        var (h3, _, _) = await Run("Background(menu,,,menu)", new FakeChannel().Dial("5"), "[menu]\nexten => 5,1,Trace(menu-five:${CONTEXT})\n");
        Assert.Equal(["menu-five:menu"], h3.Trace.Calls);
    }

    [Fact]
    public async Task Read_collects_until_pound_or_maxdigits()
    {
        var (h, _, ch) = await Run("Read(PIN,enter-pin)\n same => n,Trace(${PIN}:${READSTATUS})", new FakeChannel().Dial("1234#"));
        Assert.Equal(["1234:OK"], h.Trace.Calls);
        Assert.Equal(["enter-pin"], ch.Played);

        var (h2, _, _) = await Run("Read(PIN,,2)\n same => n,Trace(${PIN}:${READSTATUS})", new FakeChannel().Dial("987"));
        Assert.Equal(["98:OK"], h2.Trace.Calls);

        var (h3, _, ch3) = await Run("Read(PIN,,,,2,3)\n same => n,Trace([${PIN}]:${READSTATUS})");
        Assert.Equal(["[]:TIMEOUT"], h3.Trace.Calls);
        Assert.Equal(2, ch3.Log.Count(l => l == "WaitDigit:3"));

        var (h4, _, _) = await Run("Read(PIN)\n same => n,Trace(never)", new FakeChannel().Script(FakeInput.Press('1'), FakeInput.HangUp));
        Assert.Empty(h4.Trace.Calls);

        var (h5, _, ch5) = await Run("Read(PIN,,,s)\n same => n,Trace(${READSTATUS})");
        Assert.Equal(["SKIPPED"], h5.Trace.Calls);
        Assert.DoesNotContain("Answer", ch5.Log);
    }

    [Fact]
    public async Task SayDigits_plays_digit_prompts()
    {
        var (_, _, ch) = await Run("SayDigits(12*#-x)");
        Assert.Equal(["digits/1", "digits/2", "digits/star", "digits/pound", "digits/minus"], ch.Played);
    }

    [Fact]
    public async Task SayAlpha_plays_letters_in_lower_case()
    {
        var (_, _, ch) = await Run("SayAlpha(Ab1.@)");
        Assert.Equal(["letters/a", "letters/b", "digits/1", "letters/dot", "letters/at"], ch.Played);
    }

    [Theory]
    [InlineData(0, "digits/0")]
    [InlineData(7, "digits/7")]
    [InlineData(13, "digits/13")]
    [InlineData(20, "digits/20")]
    [InlineData(21, "digits/20 digits/1")]
    [InlineData(100, "digits/1 digits/hundred")]
    [InlineData(115, "digits/1 digits/hundred digits/15")]
    [InlineData(1000, "digits/1 digits/thousand")]
    [InlineData(1234, "digits/1 digits/thousand digits/2 digits/hundred digits/30 digits/4")]
    [InlineData(1000000, "digits/1 digits/million")]
    [InlineData(2000000000, "digits/2 digits/billion")]
    [InlineData(-5, "digits/minus digits/5")]
    public async Task SayNumber_follows_english_rules(int number, string expected)
    {
        // SayNumber: English uses digits/N, digits/hundred, thousand, million with no "and".
        var (_, _, ch) = await Run($"SayNumber({number})");
        Assert.Equal(expected, string.Join(' ', ch.Played));
    }

    [RequiresFileFact(Sounds, "asterisk core sounds (asterisk-core-sounds-en-wav)")]
    public void SayNumber_prompts_exist_in_the_asterisk_core_sounds()
    {
        const string sounds = Sounds;
        foreach (var n in new long[] { 0, 5, 19, 20, 45, 99, 100, 999, 1001, 45678, 1234567, 2147483647, -42 })
        {
            foreach (var file in Prompts.ForNumber(n).Concat(Prompts.ForDigits("0123456789*#-")).Concat(Prompts.ForCharacters("az09.@-+/= $!")))
            {
                Assert.True(File.Exists(Path.Combine(sounds, file + ".wav")) || File.Exists(Path.Combine(sounds, file + ".gsm")), $"{file} (for {n})");
            }
        }
    }

    [Fact]
    public async Task SayDigits_escape_digit_starts_digit_collection()
    {
        var (h, _, ch) = await Run("SayDigits(123,#9)", new FakeChannel().Dial("9"), "exten => 9,1,Trace(nine)\n");
        Assert.Equal(["nine"], h.Trace.Calls);
        Assert.Equal(["digits/1"], ch.Played);
    }

    [Fact]
    public async Task System_is_disabled_unless_allowed_and_says_why()
    {
        var (h, _, _) = await Run("System(true)\n same => n,Trace(${SYSTEMSTATUS})");
        Assert.Equal(["FAILURE"], h.Trace.Calls);
        Assert.True(h.Logger.Contains("attack surface"));
    }

    [RequiresFileFact("/bin/sh", "a POSIX shell")]
    public async Task System_runs_when_allowed()
    {
        var h = DialplanHarness.Load("[general]\nallow_system=yes\n[t]\nexten => s,1,System(true)\n same => n,Trace(${SYSTEMSTATUS})\n same => n,System(exit 3)\n same => n,Trace(${SYSTEMSTATUS})\n");
        await h.RunAsync("t", "s");
        Assert.Equal(["SUCCESS", "APPERROR"], h.Trace.Calls);
        Assert.True(h.Logger.Contains("attack surface"));
    }
}
