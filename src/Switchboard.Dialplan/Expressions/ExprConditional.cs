namespace Switchboard.Dialplan.Expressions;

/// <summary>
/// <c>c ? a :: b</c>: for a text condition, true unless empty, <c>""</c> or <c>0</c>; for a number, true unless
/// zero. All three parts are evaluated, as in Asterisk.
/// </summary>
internal sealed class ExprConditional(ExprNode condition, ExprNode whenTrue, ExprNode whenFalse) : ExprNode
{
    public override ExprValue Evaluate(ExprEvalContext context)
    {
        var c = condition.Evaluate(context);
        var a = whenTrue.Evaluate(context);
        var b = whenFalse.Evaluate(context);
        bool truth;
        if (c.IsString)
        {
            truth = c.Text.Length > 0 && c.Text != "\"\"" && c.Text != "0";
        }
        else
        {
            c.TryGetNumber(out var n);
            truth = n != 0m;
        }

        return truth ? a : b;
    }
}
