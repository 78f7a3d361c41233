namespace Switchboard.Dialplan.Expressions;

/// <summary>A node of a prepared expression tree.</summary>
internal abstract class ExprNode
{
    public abstract ExprValue Evaluate(ExprEvalContext context);
}
