using Switchboard.Dialplan.Tests.TestSupport;

namespace Switchboard.Dialplan.Tests.Model;

/// <summary>
/// Lookup through includes, per the Asterisk documentation pages "Include Statements" and "Pattern Matching"
/// (auto-fallthrough to a less specific pattern, caller-id matching).
/// </summary>
public sealed class ExtensionSearchTests
{
    private const string Conf = """
        [a]
        exten => _X.,1,Trace(a-pattern)
        include => b
        include => c

        [b]
        exten => 123,1,Trace(b-literal)
        exten => 555,1,Trace(b-555)
        include => d

        [c]
        exten => 555,1,Trace(c-555)
        exten => 777,1,Trace(c-777)

        [d]
        exten => 777,1,Trace(d-777)

        [loop1]
        include => loop2
        [loop2]
        include => loop1

        [timed]
        include => open,09:00-17:00,mon-fri,*,*
        include => closed

        [open]
        exten => s,1,Trace(open)

        [closed]
        exten => s,1,Trace(closed)

        [fall]
        exten => _1X,1,Trace(one)
        exten => _X.,2,Trace(two-from-less-specific)

        [cid]
        exten => 100/1001,1,Trace(from-1001)
        exten => 100,1,Trace(anyone)
        """;

    [Theory]
    [InlineData("Include Statements: the context's own extensions are searched before included contexts", "a", "123", "a-pattern")]
    [InlineData("Include Statements: included contexts are searched in the order written", "b", "555", "b-555")]
    [InlineData("Include Statements: searched depth-first (d via b before c)", "x", "777", "d-777")]
    public void Includes_are_searched_in_asterisk_order(string rule, string context, string exten, string expected)
    {
        var conf = Conf + "\n[x]\ninclude => b\ninclude => c\n";
        var h = DialplanHarness.Load(conf);
        Assert.True(h.Dialplan.TryFindPriority(context, exten, 1, null, h.Time, out var match), rule);
        Assert.Equal(expected, match.Priority.RawArgs);
    }

    [Fact]
    public void Include_loops_terminate()
    {
        var h = DialplanHarness.Load(Conf);
        Assert.False(h.Dialplan.TryFindPriority("loop1", "1", 1, null, h.Time, out _));
        Assert.False(h.Dialplan.CanMatch("loop1", "1", null, h.Time));
    }

    [Fact]
    public void Time_limited_include_applies_only_inside_its_times()
    {
        // Include Statements: include => context,times,weekdays,mdays,months
        var h = DialplanHarness.Load(Conf);
        Assert.True(h.Dialplan.TryFindPriority("timed", "s", 1, null, h.Time, out var m));
        Assert.Equal("open", m.Priority.RawArgs);
        h.Time.Advance(TimeSpan.FromHours(8)); // Monday 18:30
        Assert.True(h.Dialplan.TryFindPriority("timed", "s", 1, null, h.Time, out m));
        Assert.Equal("closed", m.Priority.RawArgs);
    }

    [Fact]
    public void Missing_priority_is_looked_up_in_a_less_specific_pattern()
    {
        // Pattern Matching: "if Asterisk can't find the next priority number for the current extension or
        // pattern match, it will also look for that same priority in a less specific pattern match".
        var h = DialplanHarness.Load(Conf);
        Assert.True(h.Dialplan.TryFindPriority("fall", "12", 2, null, h.Time, out var m));
        Assert.Equal("two-from-less-specific", m.Priority.RawArgs);
    }

    [Theory]
    [InlineData("Pattern Matching (caller id): exten => 100/1001 applies to that caller", "1001", "from-1001")]
    [InlineData("Pattern Matching (caller id): other callers fall to the plain extension", "1002", "anyone")]
    [InlineData("Pattern Matching (caller id): no caller id matches only the plain extension", "", "anyone")]
    public void Caller_id_matching(string rule, string callerId, string expected)
    {
        var h = DialplanHarness.Load(Conf);
        Assert.True(h.Dialplan.TryFindPriority("cid", "100", 1, callerId, h.Time, out var m), rule);
        Assert.Equal(expected, m.Priority.RawArgs);
    }

    [Theory]
    [InlineData("5551212")]
    [InlineData("555-1212")]
    [InlineData("55-51-212")]
    public void Literal_lookup_ignores_dashes_on_both_sides(string dialled)
    {
        // Pattern Matching: '-' is a visual separator in extension names.
        var h = DialplanHarness.Load("[c]\nexten => 555-1212,1,Trace(found)\nexten => _X.,1,Trace(pattern)\n");
        Assert.True(h.Dialplan.TryFindPriority("c", dialled, 1, null, h.Time, out var m));
        Assert.Equal("found", m.Priority.RawArgs);
    }

    [Fact]
    public void Hints_are_found_through_includes_and_patterns()
    {
        var h = DialplanHarness.Load("""
            [entry]
            include => lookup
            [lookup]
            exten => +4670123,hint,PJSIP/john
            exten => _88XX,hint,PJSIP/pattern
            """);
        Assert.Equal("PJSIP/john", h.Dialplan.FindHint("entry", "+4670123", h.Time));
        Assert.Equal("PJSIP/pattern", h.Dialplan.FindHint("entry", "8812", h.Time));
        Assert.Null(h.Dialplan.FindHint("entry", "999", h.Time));
        Assert.False(h.Dialplan.Exists("entry", "+4670123", 1, null, h.Time));
    }
}
