using System.Text;

namespace Switchboard.Dialplan.Substitution;

/// <summary>Text copied as is.</summary>
internal sealed class LiteralNode(string text) : TemplateNode
{
    public string Text => text;

    public override void Append(ISubstitutionScope scope, StringBuilder output, int depth) => output.Append(text);
}
