using Switchboard.Dialplan.Expressions;

namespace Switchboard.Dialplan.Tests.Expressions;

/// <summary>
/// Conformance with the Asterisk documentation pages "Expressions" and "Operators"
/// (docs.asterisk.org, Configuration/Dialplan/Expressions/Operators) and ast_expr2's documented behaviour.
/// </summary>
public sealed class ExpressionTests
{
    [Theory]
    [InlineData("Operators: expr1 + expr2 adds", "1 + 2", "3")]
    [InlineData("Operators: * binds tighter than +", "2 + 3 * 4", "14")]
    [InlineData("Operators: parentheses group", "(2 + 3) * 4", "20")]
    [InlineData("Operators: / is floating point division", "7 / 2", "3.5")]
    [InlineData("Operators: % is the remainder", "7 % 3", "1")]
    [InlineData("Operators: unary minus", "-5 + 2", "-3")]
    [InlineData("Operators: binary operators are left associative", "10 - 4 - 3", "3")]
    [InlineData("Operators: results print like %.18g", "1 / 3", "0.333333333333333333")]
    [InlineData("Operators: decimal fractions stay exact", "0.1 + 0.2", "0.3")]
    [InlineData("Operators: very large results use exponent form", "99999999999999999999 * 1", "1e+20")]
    [InlineData("Operators: whitespace is optional between numbers and operators", "1+2*3", "7")]
    public void Arithmetic(string rule, string expression, string expected) => Check(rule, expression, expected);

    [Theory]
    [InlineData("Operators: = compares numbers numerically", "3 = 03", "1")]
    [InlineData("Operators: numeric > when both sides are numbers", "10 > 9", "1")]
    [InlineData("Operators: string comparison when a side is not a number", "abc < abd", "1")]
    [InlineData("Operators: quoted numbers are strings, compared as text", "\"10\" > \"9\"", "0")]
    [InlineData("Operators: != ", "a != b", "1")]
    [InlineData("Operators: <= and >=", "5 <= 5", "1")]
    [InlineData("Operators: comparison after arithmetic", "1 + 1 = 2", "1")]
    [InlineData("Operators: quoted empty string test (common dialplan idiom)", "\"\" = \"\"", "1")]
    [InlineData("Operators: quoted value vs empty", "\"john\" = \"\"", "0")]
    [InlineData("Operators: long phone numbers compare exactly", "46701234567890123 = 46701234567890124", "0")]
    public void Comparisons(string rule, string expression, string expected) => Check(rule, expression, expected);

    [Theory]
    [InlineData("Operators: | returns expr1 if neither empty nor zero", "abc | 5", "abc")]
    [InlineData("Operators: | returns expr2 when expr1 is zero", "0 | 5", "5")]
    [InlineData("Operators: & returns expr1 when both are non-zero", "3 & 4", "3")]
    [InlineData("Operators: & returns 0 when a side is zero", "3 & 0", "0")]
    [InlineData("Operators: & binds tighter than |", "0 | 1 & 0", "0")]
    [InlineData("Operators: comparisons bind tighter than &", "2 = 2 & 3 = 3", "1")]
    [InlineData("Operators: ! of zero is 1", "!0", "1")]
    [InlineData("Operators: ! of a number is 0", "!5", "0")]
    [InlineData("Operators: ! reads text with atoi (non-numeric text gives 1)", "!abc", "1")]
    public void Logic(string rule, string expression, string expected) => Check(rule, expression, expected);

    [Theory]
    [InlineData("Operators: ':' without a group returns the match length", "abc123 : abc", "3")]
    [InlineData("Operators: regexes with operator characters must be quoted; ':' with a group returns the first group", "abc123 : \"[a-z]*([0-9]+)\"", "123")]
    [InlineData("Operators: ':' is anchored at the start", "xabc : abc", "0")]
    [InlineData("Operators: ':' no match with a group gives empty", "abc : \"x(y)\"", "")]
    [InlineData("Operators: '=~' is not anchored", "xabc =~ abc", "3")]
    [InlineData("Operators: '=~' returns the first group", "xabc =~ \"a(b)c\"", "b")]
    [InlineData("Operators: quotes are stripped before matching", "\"John Doe\" : \"John (.*)\"", "Doe")]
    [InlineData("POSIX classes work in regexes", "0701234 : \"[[:digit:]]+\"", "7")]
    public void Regex(string rule, string expression, string expected) => Check(rule, expression, expected);

    [Theory]
    [InlineData("Operators: ?: picks expr2 when expr1 is true", "1 ? yes :: no", "yes")]
    [InlineData("Operators: ?: picks expr3 when expr1 is 0", "0 ? yes :: no", "no")]
    [InlineData("Operators: ?: treats \"\" as false", "\"\" ? yes :: no", "no")]
    [InlineData("Operators: ?: has the lowest precedence", "1 = 2 ? yes :: no", "no")]
    [InlineData("Operators: ~~ concatenates", "a ~~ b", "ab")]
    [InlineData("Expressions: functions inside $[] (math)", "SQRT(16)", "4")]
    [InlineData("Expressions: POW takes two arguments", "POW(2,10)", "1024")]
    [InlineData("Expressions: ABS of a negative", "ABS(-3)", "3")]
    [InlineData("Expressions: empty expression gives empty", "", "")]
    public void Conditional_concat_and_functions(string rule, string expression, string expected) => Check(rule, expression, expected);

    [Theory]
    [InlineData("ast_expr2: division by zero gives INT_MAX with a warning", "5 / 0", "2147483647", "division by zero")]
    [InlineData("ast_expr2: remainder by zero gives 0 with a warning", "5 % 0", "0", "div by zero")]
    [InlineData("ast_expr2: non-numeric + operand is ignored", "a + 1", "1", "non-numeric argument")]
    [InlineData("ast_expr2: non-numeric * gives 0", "a * 2", "0", "non-numeric argument")]
    [InlineData("ast_expr2: syntax error gives 0 with the input and a caret", "1 +", "0", "syntax error")]
    [InlineData("ast_expr2: unbalanced parenthesis is a syntax error", "(1", "0", "syntax error")]
    [InlineData("ast_expr2: function names must be upper case", "sqrt(4)", "0", "not possibly a function name")]
    [InlineData("ast_expr2: bad regex gives empty", "a : \"(\"", "", "regcomp")]
    public void Errors_are_results_not_exceptions(string rule, string expression, string expected, string warning)
    {
        var result = Expression.Evaluate(expression);
        Assert.True(expected == result.Value, $"{rule}: got '{result.Value}'");
        Assert.NotNull(result.Warning);
        Assert.Contains(warning, result.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Dialplan_functions_are_called_through_the_environment()
    {
        var env = new Env();
        Assert.Equal("6", Expression.Evaluate("LEN(hello) + 1", env).Value);
        Assert.Equal("hello", env.LastArgs);
        Assert.Equal("0", Expression.Evaluate("NOPE(1)", env).Value);
    }

    [Fact]
    public void Prepared_expression_evaluates_repeatedly()
    {
        var e = Expression.Parse("2 * 21");
        Assert.Null(e.Error);
        Assert.Equal("42", e.Evaluate().Value);
        Assert.Equal("42", e.Evaluate().Value);
    }

    private static void Check(string rule, string expression, string expected)
    {
        var result = Expression.Evaluate(expression);
        Assert.True(expected == result.Value, $"{rule}: $[{expression}] gave '{result.Value}' ({result.Warning})");
    }

    private sealed class Env : IExpressionEnvironment
    {
        public string? LastArgs { get; private set; }

        public bool TryReadFunction(string name, string args, out string value)
        {
            LastArgs = args;
            value = name == "LEN" ? args.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
            return name == "LEN";
        }
    }
}
