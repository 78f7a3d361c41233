using System.Globalization;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Functions;

/// <summary>
/// MATH(number1 op number2[,type]): op is one of <c>+ - * / % ^ &lt;&lt; &gt;&gt; &lt; &gt; &lt;= &gt;= ==</c>;
/// type f (default, printed with six decimals), i (integer), h (hex) or c (character). Comparisons give TRUE/FALSE.
/// </summary>
internal sealed class MathFunction : DialplanFunction
{
    private static readonly string[] Operators = ["<<", ">>", "<=", ">=", "==", "*", "/", "%", "^", "<", ">", "+", "-"];

    public override string Name => "MATH";

    public override FunctionResult Read(DialplanContext context, string args)
    {
        var a = AppArgs.Standard(args, 2);
        var expression = AppArgs.At(a, 0).Trim();
        var type = AppArgs.At(a, 1).Trim().ToLowerInvariant();
        if (expression.Length == 0)
        {
            return FunctionResult.Fail("Syntax: MATH(<number1><op><number 2>[,<type_of_result>]) - missing argument!");
        }

        if (!TrySplit(expression, out var left, out var op, out var right))
        {
            return FunctionResult.Fail($"Supplied data pointers for MATH are invalid: '{expression}'");
        }

        if (!double.TryParse(left, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            || !double.TryParse(right, NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
        {
            return FunctionResult.Fail($"'{left}' or '{right}' is not a valid number");
        }

        double result;
        switch (op)
        {
            case "+": result = x + y; break;
            case "-": result = x - y; break;
            case "*": result = x * y; break;
            case "/":
                if (y == 0)
                {
                    return FunctionResult.Fail("Divide by 0 in MATH()");
                }

                result = x / y;
                break;
            case "%":
                if ((long)y == 0)
                {
                    return FunctionResult.Fail("Divide by 0 in MATH()");
                }

                result = (long)x % (long)y;
                break;
            case "^": result = Math.Pow(x, y); break;
            case "<<": result = (long)x << (int)y; break;
            case ">>": result = (long)x >> (int)y; break;
            case "<": return FunctionResult.Ok(x < y ? "TRUE" : "FALSE");
            case ">": return FunctionResult.Ok(x > y ? "TRUE" : "FALSE");
            case "<=": return FunctionResult.Ok(x <= y ? "TRUE" : "FALSE");
            case ">=": return FunctionResult.Ok(x >= y ? "TRUE" : "FALSE");
            default: return FunctionResult.Ok(x == y ? "TRUE" : "FALSE");
        }

        var ci = CultureInfo.InvariantCulture;
        return type switch
        {
            "i" or "int" => FunctionResult.Ok(((long)Math.Truncate(result)).ToString(ci)),
            "h" or "hex" => FunctionResult.Ok(((long)Math.Truncate(result)).ToString("x", ci)),
            "c" or "char" => FunctionResult.Ok(((char)(long)Math.Truncate(result)).ToString()),
            "" or "f" or "float" => FunctionResult.Ok(result.ToString("F6", ci)),
            _ => FunctionResult.Fail($"Unknown type of result requested '{type}'."),
        };
    }

    private static bool TrySplit(string expression, out string left, out string op, out string right)
    {
        // Skip a leading sign so "-3*2" reads as (-3) * 2.
        foreach (var candidate in Operators)
        {
            var at = expression.IndexOf(candidate, 1, StringComparison.Ordinal);
            if (at > 0)
            {
                left = expression[..at].Trim();
                op = candidate;
                right = expression[(at + candidate.Length)..].Trim();
                return left.Length > 0 && right.Length > 0;
            }
        }

        left = op = right = string.Empty;
        return false;
    }
}
