using System.Text;
using Switchboard.Dialplan.Expressions;

namespace Switchboard.Dialplan.Substitution;

/// <summary>
/// <c>$[...]</c>: the inside is expanded first (variables may bring operators, as in Asterisk), then
/// evaluated. A constant inside is parsed once.
/// </summary>
internal sealed class ExpressionNode : TemplateNode
{
    private readonly Template _content;
    private readonly Expression? _prepared;

    public ExpressionNode(Template content)
    {
        _content = content;
        if (content.IsConstant)
        {
            _prepared = Expression.Parse(content.ConstantValue!);
        }
    }

    public override void Append(ISubstitutionScope scope, StringBuilder output, int depth)
    {
        var expression = _prepared ?? Expression.Parse(_content.Render(scope, depth + 1));
        var result = expression.Evaluate(scope);
        if (result.Warning is not null)
        {
            scope.ReportWarning($"$[{expression.Text}]: {result.Warning}");
        }

        output.Append(result.Value);
    }
}
