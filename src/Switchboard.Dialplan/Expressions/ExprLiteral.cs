namespace Switchboard.Dialplan.Expressions;

/// <summary>A token value: a number, a quoted string (quotes kept) or a word.</summary>
internal sealed class ExprLiteral(ExprValue value) : ExprNode
{
    public override ExprValue Evaluate(ExprEvalContext context) => value;
}
