namespace Switchboard.Dialplan.Expressions;

/// <summary>Unary <c>-a</c>; a non-numeric operand gives 0 with a warning.</summary>
internal sealed class ExprNegate(ExprNode operand) : ExprNode
{
    public override ExprValue Evaluate(ExprEvalContext context)
    {
        var a = operand.Evaluate(context);
        if (!a.TryGetNumber(out var x))
        {
            context.Warn("non-numeric argument");
            return ExprValue.FromNumber(0m);
        }

        return ExprValue.FromNumber(-x);
    }
}
