using System.Text;

namespace Switchboard.Dialplan.Substitution;

/// <summary>
/// <c>${...}</c>: a variable or function read, with optional substring. When the inside contains no nested
/// reference it is understood once at prepare time; otherwise it is expanded first and then understood
/// (<c>${${X}}</c>, <c>${CUT(${V},-,1)}</c>).
/// </summary>
internal sealed class VariableNode : TemplateNode
{
    private readonly Template _content;
    private readonly VariableReference? _prepared;

    public VariableNode(Template content)
    {
        _content = content;
        if (content.IsConstant)
        {
            _prepared = VariableReference.Parse(content.ConstantValue!);
        }
    }

    public override void Append(ISubstitutionScope scope, StringBuilder output, int depth)
    {
        var reference = _prepared ?? VariableReference.Parse(_content.Render(scope, depth + 1));
        string value;
        if (reference.IsFunction)
        {
            if (!scope.TryReadFunction(reference.Name, reference.FunctionArgs, out value))
            {
                value = string.Empty;
            }
        }
        else if (!scope.TryGetVariable(reference.Name, out value))
        {
            value = string.Empty;
        }

        output.Append(reference.HasSubstring ? VariableReference.Substring(value, reference.Offset, reference.Length) : value);
    }
}
