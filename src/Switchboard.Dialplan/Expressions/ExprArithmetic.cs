namespace Switchboard.Dialplan.Expressions;

/// <summary>
/// <c>+ - * / %</c> with Asterisk's handling of bad operands: a non-numeric side of + or - is ignored (the
/// other side is the result), * gives 0, / by zero or by text gives 2147483647, % by zero gives 0; each with
/// a warning.
/// </summary>
internal sealed class ExprArithmetic(ExprTokenKind op, ExprNode left, ExprNode right) : ExprNode
{
    private const decimal IntMax = 2147483647m;

    public override ExprValue Evaluate(ExprEvalContext context)
    {
        var a = left.Evaluate(context);
        var b = right.Evaluate(context);
        var aOk = a.TryGetNumber(out var x);
        var bOk = b.TryGetNumber(out var y);
        switch (op)
        {
            case ExprTokenKind.Plus:
                if (!aOk || !bOk)
                {
                    context.Warn("non-numeric argument");
                    return ExprValue.FromNumber(aOk ? x : bOk ? y : 0m);
                }

                return ExprNumber.InRange((double)x + (double)y) ? ExprValue.FromNumber(x + y) : Overflow(context);
            case ExprTokenKind.Minus:
                if (!aOk || !bOk)
                {
                    context.Warn("non-numeric argument");
                    return ExprValue.FromNumber(aOk ? x : bOk ? -y : 0m);
                }

                return ExprNumber.InRange((double)x - (double)y) ? ExprValue.FromNumber(x - y) : Overflow(context);
            case ExprTokenKind.Multiply:
                if (!aOk || !bOk)
                {
                    context.Warn("non-numeric argument");
                    return ExprValue.FromNumber(0m);
                }

                return ExprNumber.InRange((double)x * (double)y) ? ExprValue.FromNumber(x * y) : Overflow(context);
            case ExprTokenKind.Divide:
                if (!aOk)
                {
                    context.Warn("non-numeric argument");
                    return ExprValue.FromNumber(0m);
                }

                if (!bOk)
                {
                    context.Warn("non-numeric argument");
                    return ExprValue.FromNumber(IntMax);
                }

                if (y == 0m)
                {
                    context.Warn("division by zero");
                    return ExprValue.FromNumber(IntMax);
                }

                return ExprNumber.InRange((double)x / (double)y) ? ExprValue.FromNumber(x / y) : Overflow(context);
            default:
                if (!aOk || !bOk)
                {
                    context.Warn("non-numeric argument");
                    return ExprValue.FromNumber(0m);
                }

                if (y == 0m)
                {
                    context.Warn("div by zero");
                    return ExprValue.FromNumber(0m);
                }

                return ExprValue.FromNumber(x % y);
        }
    }

    private static ExprValue Overflow(ExprEvalContext context)
    {
        context.Warn("overflow");
        return ExprValue.FromNumber(0m);
    }
}
