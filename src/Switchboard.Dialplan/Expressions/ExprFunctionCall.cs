using System.Text;

namespace Switchboard.Dialplan.Expressions;

/// <summary>
/// <c>NAME(arg, ...)</c> inside an expression: the built-in math functions (COS, SQRT, POW, ROUND, ABS ...)
/// or any dialplan function (arguments joined with commas). Names must be upper case; a result made only of
/// digits, '-', '.' and blanks becomes a number.
/// </summary>
internal sealed class ExprFunctionCall(string name, ExprNode[] args) : ExprNode
{
    public override ExprValue Evaluate(ExprEvalContext context)
    {
        var values = new ExprValue[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            values[i] = args[i].Evaluate(context);
        }

        if (!IsUpperName(name))
        {
            context.Warn($"'{name}' is not possibly a function name");
            return ExprValue.FromNumber(0m);
        }

        if (TryMath(context, values, out var math))
        {
            return math;
        }

        var joined = new StringBuilder();
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                joined.Append(',');
            }

            joined.Append(values[i].AsString());
        }

        if (context.Environment is null || !context.Environment.TryReadFunction(name, joined.ToString(), out var result))
        {
            context.Warn($"'{name}' doesn't appear to be an available function");
            return ExprValue.FromNumber(0m);
        }

        return IsReallyNumber(result) && ExprNumber.TryParsePrefix(result, out var n) ? ExprValue.FromNumber(n) : ExprValue.FromString(result);
    }

    private bool TryMath(ExprEvalContext context, ExprValue[] values, out ExprValue result)
    {
        int arity;
        Func<double, double, double>? f2 = null;
        Func<double, double>? f1 = null;
        switch (name)
        {
            case "COS": f1 = Math.Cos; break;
            case "SIN": f1 = Math.Sin; break;
            case "TAN": f1 = Math.Tan; break;
            case "ACOS": f1 = Math.Acos; break;
            case "ASIN": f1 = Math.Asin; break;
            case "ATAN": f1 = Math.Atan; break;
            case "SQRT": f1 = Math.Sqrt; break;
            case "FLOOR": f1 = Math.Floor; break;
            case "CEIL": f1 = Math.Ceiling; break;
            case "ROUND": f1 = static x => Math.Round(x, MidpointRounding.AwayFromZero); break;
            case "RINT": f1 = static x => Math.Round(x, MidpointRounding.ToEven); break;
            case "TRUNC": f1 = Math.Truncate; break;
            case "EXP": f1 = Math.Exp; break;
            case "EXP2": f1 = static x => Math.Pow(2, x); break;
            case "EXP10": f1 = static x => Math.Pow(10, x); break;
            case "LOG": f1 = Math.Log; break;
            case "LOG2": f1 = Math.Log2; break;
            case "LOG10": f1 = Math.Log10; break;
            case "ABS": f1 = Math.Abs; break;
            case "ATAN2": f2 = Math.Atan2; break;
            case "POW": f2 = Math.Pow; break;
            case "REMAINDER": f2 = Math.IEEERemainder; break;
            default:
                result = default;
                return false;
        }

        arity = f1 is not null ? 1 : 2;
        if (values.Length != arity)
        {
            context.Warn($"Wrong args to {name}() function");
            result = ExprValue.FromNumber(0m);
            return true;
        }

        values[0].TryGetNumber(out var a);
        double r;
        if (f1 is not null)
        {
            r = f1((double)a);
        }
        else
        {
            values[1].TryGetNumber(out var b);
            r = f2!((double)a, (double)b);
        }

        if (!ExprNumber.InRange(r) || double.IsInfinity(r))
        {
            context.Warn($"{name}() result out of range");
            result = ExprValue.FromNumber(0m);
            return true;
        }

        result = ExprValue.FromNumber((decimal)r);
        return true;
    }

    private static bool IsUpperName(string s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsReallyNumber(string s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c) && c is not '-' and not '.' and not ' ' and not '\t')
            {
                return false;
            }
        }

        return true;
    }
}
