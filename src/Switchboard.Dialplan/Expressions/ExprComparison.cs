namespace Switchboard.Dialplan.Expressions;

/// <summary>
/// <c>= != &lt; &gt; &lt;= &gt;=</c>: numeric when both sides are numbers or numeric strings, otherwise a
/// byte-wise string comparison (Asterisk's strcoll in the C locale). Result 1 or 0.
/// </summary>
internal sealed class ExprComparison(ExprTokenKind op, ExprNode left, ExprNode right) : ExprNode
{
    public override ExprValue Evaluate(ExprEvalContext context)
    {
        var a = left.Evaluate(context);
        var b = right.Evaluate(context);
        int cmp;
        if (a.IsString || b.IsString)
        {
            cmp = string.CompareOrdinal(a.AsString(), b.AsString());
        }
        else
        {
            a.TryGetNumber(out var x);
            b.TryGetNumber(out var y);
            cmp = x.CompareTo(y);
        }

        var result = op switch
        {
            ExprTokenKind.Eq => cmp == 0,
            ExprTokenKind.Ne => cmp != 0,
            ExprTokenKind.Lt => cmp < 0,
            ExprTokenKind.Gt => cmp > 0,
            ExprTokenKind.Le => cmp <= 0,
            _ => cmp >= 0,
        };
        return ExprValue.FromBool(result);
    }
}
