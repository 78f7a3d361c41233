using System.Text;

namespace Switchboard.Dialplan.Substitution;

/// <summary>
/// Text with <c>${VAR}</c>, <c>${VAR:offset:length}</c>, <c>${FUNC(args)}</c>, nested <c>${${X}}</c> and
/// <c>$[expr]</c>, prepared once into literal/variable/expression nodes and rendered per use. A backslash
/// before <c>$</c> makes it literal (<c>\${X}</c> renders as <c>${X}</c>); other backslashes are kept for the
/// application's own argument parsing. Values brought in by variables are never expanded again. Rendering
/// never throws; output longer than <see cref="MaxLength"/> is cut with a warning.
/// </summary>
public sealed class Template
{
    /// <summary>Longest text a render produces.</summary>
    public const int MaxLength = 65536;

    /// <summary>Deepest nesting of dynamic references followed at render time.</summary>
    public const int MaxDepth = 64;

    private static readonly Template EmptyTemplate = new(string.Empty, [], string.Empty, []);
    private readonly TemplateNode[] _nodes;

    private Template(string source, TemplateNode[] nodes, string? constantValue, IReadOnlyList<string> errors)
    {
        Source = source;
        _nodes = nodes;
        ConstantValue = constantValue;
        Errors = errors;
    }

    /// <summary>The empty template.</summary>
    public static Template Empty => EmptyTemplate;

    /// <summary>The text as written.</summary>
    public string Source { get; }

    /// <summary>True when the text has no references: it always renders to <see cref="ConstantValue"/>.</summary>
    public bool IsConstant => ConstantValue is not null;

    /// <summary>The rendered text of a constant template (escapes applied), else null.</summary>
    public string? ConstantValue { get; }

    /// <summary>Problems found while preparing (unterminated <c>${</c> or <c>$[</c>); the text is kept literally.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>Prepares <paramref name="text"/>.</summary>
    public static Template Parse(string text) => Parse(text, 0);

    private static Template Parse(string text, int depth)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (depth > MaxDepth)
        {
            return new Template(text, [], text, [$"references nested deeper than {MaxDepth} levels; kept as text"]);
        }

        if (text.Length == 0)
        {
            return EmptyTemplate;
        }

        var nodes = new List<TemplateNode>();
        var errors = new List<string>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c == '\\' && (next == '$' || next == '\\'))
            {
                if (next == '\\')
                {
                    literal.Append('\\');
                }

                literal.Append(next);
                i += 2;
                continue;
            }

            if (c == '$' && (next == '{' || next == '['))
            {
                var close = FindClose(text, i + 2, next == '{' ? '{' : '[', next == '{' ? '}' : ']');
                if (close < 0)
                {
                    errors.Add($"missing '{(next == '{' ? '}' : ']')}' for '{c}{next}' at position {i} in '{text}'");
                    literal.Append(text, i, text.Length - i);
                    break;
                }

                if (literal.Length > 0)
                {
                    nodes.Add(new LiteralNode(literal.ToString()));
                    literal.Clear();
                }

                var inner = Parse(text[(i + 2)..close], depth + 1);
                errors.AddRange(inner.Errors);
                nodes.Add(next == '{' ? new VariableNode(inner) : new ExpressionNode(inner));
                i = close + 1;
                continue;
            }

            literal.Append(c);
            i++;
        }

        string? constant = null;
        if (nodes.Count == 0)
        {
            constant = literal.ToString();
        }
        else if (literal.Length > 0)
        {
            nodes.Add(new LiteralNode(literal.ToString()));
        }

        return new Template(text, nodes.ToArray(), constant, errors.Count == 0 ? [] : errors);
    }

    /// <summary>Renders with values from <paramref name="scope"/>.</summary>
    public string Render(ISubstitutionScope scope) => Render(scope, 0);

    /// <inheritdoc />
    public override string ToString() => Source;

    internal string Render(ISubstitutionScope scope, int depth)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (ConstantValue is not null)
        {
            return ConstantValue;
        }

        if (depth > MaxDepth)
        {
            scope.ReportWarning($"substitution nested deeper than {MaxDepth} levels in '{Source}'");
            return string.Empty;
        }

        var output = new StringBuilder();
        foreach (var node in _nodes)
        {
            node.Append(scope, output, depth);
            if (output.Length > MaxLength)
            {
                scope.ReportWarning($"substitution result longer than {MaxLength} characters was cut ('{Source}')");
                output.Length = MaxLength;
                break;
            }
        }

        return output.ToString();
    }

    private static int FindClose(string text, int start, char open, char close)
    {
        var depth = 1;
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == open)
            {
                depth++;
            }
            else if (text[i] == close)
            {
                depth--;
                if (depth == 0)
                {
                    return i;
                }
            }
        }

        return -1;
    }
}
