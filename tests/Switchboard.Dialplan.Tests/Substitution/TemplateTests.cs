using Switchboard.Dialplan.Substitution;
using Switchboard.Dialplan.Tests.TestSupport;

namespace Switchboard.Dialplan.Tests.Substitution;

/// <summary>
/// Conformance with the Asterisk documentation pages "Variables", "Manipulating Variables" (substrings) and
/// "Expressions" (evaluation after substitution).
/// </summary>
public sealed class TemplateTests
{
    [Theory]
    [InlineData("Variables: ${VAR} is replaced by its value", "${X}", "hello")]
    [InlineData("Variables: text around references is kept", "pre${X}post", "prehellopost")]
    [InlineData("Manipulating Variables: ${VAR:offset} skips characters", "${X:1}", "ello")]
    [InlineData("Manipulating Variables: negative offset counts from the end", "${X:-3}", "llo")]
    [InlineData("Manipulating Variables: offset and length", "${X:1:2}", "el")]
    [InlineData("Manipulating Variables: negative length drops characters at the end", "${X:0:-1}", "hell")]
    [InlineData("Manipulating Variables: negative offset with length", "${X:-3:2}", "ll")]
    [InlineData("Manipulating Variables: offset past the end gives empty", "${X:10}", "")]
    [InlineData("Manipulating Variables: negative offset larger than the value starts at 0", "${X:-10}", "hello")]
    [InlineData("Variables: unset variables are empty", "[${NOPE}]", "[]")]
    [InlineData("Variables: nested ${${NAME}} names a variable by a variable", "${${NAME}}", "hello")]
    [InlineData("Functions: ${FUNC(args)}", "${LEN(${X})}", "5")]
    [InlineData("Functions: substring of a function result", "${CUT(LIST,-,2-):0:1}", "b")]
    [InlineData("Expressions: $[...] after substitution", "$[${A} + ${B}]", "5")]
    [InlineData("Expressions: variables may bring operators", "$[${OPS}]", "7")]
    [InlineData("Expressions: $[] inside text", "n=$[1+1]!", "n=2!")]
    [InlineData("Switchboard: backslash makes $ literal", "\\${X}", "${X}")]
    [InlineData("Switchboard: other backslashes are kept for argument parsing", "a\\,b", "a\\,b")]
    [InlineData("Variables: values are not expanded again", "${RAW}", "${X}")]
    [InlineData("Variables: built-in ${EXTEN} with substring (strip a leading 0)", "${EXTEN:1}", "701234567")]
    [InlineData("Variables: globals are visible when no channel variable exists", "${G}", "global")]
    [InlineData("Variables: channel variables shadow globals", "${SHADOW}", "channel")]
    [InlineData("Variables: _ prefix is not part of the name when reading", "${INH}", "inherited")]
    public void Renders_like_asterisk(string rule, string text, string expected)
    {
        var h = DialplanHarness.Load("[default]\nexten => s,1,NoOp()\n");
        h.Engine.Globals.Set("G", "global");
        h.Engine.Globals.Set("SHADOW", "global");
        var ctx = h.NewContext("default", "0701234567");
        var v = ctx.Channel.Variables;
        v.Set("X", "hello");
        v.Set("NAME", "X");
        v.Set("A", "2");
        v.Set("B", "3");
        v.Set("OPS", "3 + 4");
        v.Set("LIST", "a-b-c");
        v.Set("RAW", "${X}");
        v.Set("SHADOW", "channel");
        v.Set("_INH", "inherited");
        var rendered = Template.Parse(text).Render(ctx);
        Assert.True(expected == rendered, $"{rule}: '{text}' gave '{rendered}'");
    }

    [Fact]
    public void Constant_text_is_prepared_as_constant()
    {
        var t = Template.Parse("Dial(PJSIP/alice,20)");
        Assert.True(t.IsConstant);
        Assert.Equal("Dial(PJSIP/alice,20)", t.ConstantValue);
        Assert.False(Template.Parse("${X}").IsConstant);
    }

    [Theory]
    [InlineData("${X", "missing '}'")]
    [InlineData("$[1 + 2", "missing ']'")]
    public void Unterminated_references_are_reported_and_kept_literally(string text, string error)
    {
        var t = Template.Parse(text);
        Assert.Contains(t.Errors, e => e.Contains(error, StringComparison.Ordinal));
        var h = DialplanHarness.Load("[default]\nexten => s,1,NoOp()\n");
        Assert.Equal(text, t.Render(h.NewContext()));
    }

    [Fact]
    public void Output_is_cut_at_the_limit()
    {
        var h = DialplanHarness.Load("[default]\nexten => s,1,NoOp()\n");
        var ctx = h.NewContext();
        ctx.Channel.Variables.Set("BIG", new string('x', Template.MaxLength));
        var rendered = Template.Parse("${BIG}${BIG}").Render(ctx);
        Assert.Equal(Template.MaxLength, rendered.Length);
        Assert.True(h.Logger.Contains("longer than"));
    }

    [Fact]
    public void Expression_warnings_are_logged_with_location()
    {
        var h = DialplanHarness.Load("[default]\nexten => s,1,NoOp()\n");
        var ctx = h.NewContext();
        Assert.Equal("2147483647", Template.Parse("$[1/0]").Render(ctx));
        Assert.True(h.Logger.Contains("division by zero"));
    }
}
