using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Tests.Substitution;

/// <summary>Asterisk's standard application argument parsing (AST_STANDARD_APP_ARGS / ast_app_separate_args).</summary>
public sealed class AppArgsTests
{
    [Theory]
    [InlineData("commas separate arguments", "a,b,c", new[] { "a", "b", "c" })]
    [InlineData("empty arguments are kept", "PJSIP/a,,t", new[] { "PJSIP/a", "", "t" })]
    [InlineData("a trailing comma gives a final empty argument", "a,", new[] { "a", "" })]
    [InlineData("commas inside parentheses do not split", "Gosub(x,s,1(a,b)),z", new[] { "Gosub(x,s,1(a,b))", "z" })]
    [InlineData("commas inside square brackets do not split", "$[1,2],z", new[] { "$[1,2]", "z" })]
    [InlineData("double quotes protect commas and are removed", "\"a,b\",c", new[] { "a,b", "c" })]
    [InlineData("backslash makes the next character literal and is removed", "a\\,b,c", new[] { "a,b", "c" })]
    [InlineData("empty input gives no arguments", "", new string[0])]
    public void Standard(string rule, string input, string[] expected)
    {
        Assert.True(expected.SequenceEqual(AppArgs.Standard(input)), rule + ": " + string.Join("|", AppArgs.Standard(input)));
    }

    [Fact]
    public void Raw_keeps_quotes_and_backslashes()
    {
        Assert.Equal(["\"a,b\"", "c\\,d"], AppArgs.Raw("\"a,b\",c\\,d"));
    }

    [Fact]
    public void Last_argument_gets_the_unparsed_remainder()
    {
        Assert.Equal(["1", "Hello, \"world\""], AppArgs.Standard("1,Hello, \"world\"", 2));
    }

    [Theory]
    [InlineData("Dial(PJSIP/a,20)", "Dial", "PJSIP/a,20", true)]
    [InlineData("NoOp", "NoOp", "", true)]
    [InlineData("Set(x=(y)", "Set", "x=(y", true)]
    [InlineData("Set(x=y", "Set", "x=y", false)]
    public void SplitCall(string text, string name, string args, bool closed)
    {
        Assert.Equal(closed, AppArgs.SplitCall(text, out var n, out var a));
        Assert.Equal(name, n);
        Assert.Equal(args, a);
    }
}
