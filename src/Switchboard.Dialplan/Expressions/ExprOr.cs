namespace Switchboard.Dialplan.Expressions;

/// <summary><c>a | b</c>: a unless it is empty or zero, else b.</summary>
internal sealed class ExprOr(ExprNode left, ExprNode right) : ExprNode
{
    public override ExprValue Evaluate(ExprEvalContext context)
    {
        var a = left.Evaluate(context);
        var b = right.Evaluate(context);
        return a.IsZeroOrNull() ? b : a;
    }
}
