namespace Switchboard.Dialplan.Expressions;

/// <summary><c>a ~~ b</c>: both as strings, quotes stripped, joined.</summary>
internal sealed class ExprConcat(ExprNode left, ExprNode right) : ExprNode
{
    public override ExprValue Evaluate(ExprEvalContext context)
    {
        var a = ExprRegexMatch.StripQuotes(left.Evaluate(context).AsString());
        var b = ExprRegexMatch.StripQuotes(right.Evaluate(context).AsString());
        return ExprValue.FromString(a + b);
    }
}
