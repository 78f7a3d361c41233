namespace Switchboard.Dialplan.Expressions;

/// <summary><c>a &amp; b</c>: a when neither is empty or zero, else 0.</summary>
internal sealed class ExprAnd(ExprNode left, ExprNode right) : ExprNode
{
    public override ExprValue Evaluate(ExprEvalContext context)
    {
        var a = left.Evaluate(context);
        var b = right.Evaluate(context);
        return a.IsZeroOrNull() || b.IsZeroOrNull() ? ExprValue.FromNumber(0m) : a;
    }
}
