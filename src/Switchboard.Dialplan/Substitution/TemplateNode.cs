using System.Text;

namespace Switchboard.Dialplan.Substitution;

/// <summary>One piece of a prepared template.</summary>
internal abstract class TemplateNode
{
    public abstract void Append(ISubstitutionScope scope, StringBuilder output, int depth);
}
