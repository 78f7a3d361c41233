using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;
using Switchboard.Dialplan.Expressions;
using Switchboard.Dialplan.Loading;
using Switchboard.Dialplan.Patterns;
using Switchboard.Dialplan.Substitution;
using Switchboard.Dialplan.Tests.TestSupport;
using Switchboard.Dialplan.Timing;

namespace Switchboard.Dialplan.Tests.Execution;

/// <summary>Bad input gets a clear result and never an exception or a stack overflow.</summary>
public sealed class RobustnessTests
{
    private const string Alphabet = "${}[]()+-*/%=!<>&|?:~\"',\\._XZN0123456789abcAZ@# \t";

    [Fact]
    public void Random_text_never_throws()
    {
        var random = new Random(12345);
        var h = DialplanHarness.Load("[t]\nexten => s,1,NoOp()\n");
        var ctx = h.NewContext("t", "s");
        ctx.Channel.Variables.Set("X", "1 + (");
        for (var i = 0; i < 3000; i++)
        {
            var text = RandomText(random, random.Next(0, 40));
            _ = Expression.Evaluate(text, ctx);
            _ = Template.Parse(text).Render(ctx);
            _ = ExtensionPattern.TryParse("_" + text, out _, out _);
            _ = TimeSpec.TryParse(text, out _, out _);
            _ = AppArgs.Standard(text);
            _ = ctx.TryResolveGoto(text, out _, out _);
            var diagnostics = new DiagnosticBag();
            _ = DialplanLoader.Load(ConfParser.ParseText("extensions.conf", "[c]\nexten => " + text + "\nexten => 1,1,Set(" + text + ")\n", diagnostics), diagnostics);
        }
    }

    [Theory]
    [InlineData('(', ')')]
    [InlineData('-', ' ')]
    [InlineData('!', ' ')]
    public void Deeply_nested_expressions_are_a_syntax_error(char open, char close)
    {
        var text = new string(open, 20000) + "1" + new string(close, 20000);
        var result = Expression.Evaluate(text);
        Assert.Equal("0", result.Value);
        Assert.Contains("nested deeper", result.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_references_are_kept_as_text()
    {
        var text = string.Concat(Enumerable.Repeat("${", 20000)) + "X" + new string('}', 20000);
        var template = Template.Parse(text);
        Assert.NotEmpty(template.Errors);
        var h = DialplanHarness.Load("[t]\nexten => s,1,NoOp()\n");
        _ = template.Render(h.NewContext());
    }

    private static string RandomText(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[random.Next(Alphabet.Length)];
        }

        return new string(chars);
    }
}
