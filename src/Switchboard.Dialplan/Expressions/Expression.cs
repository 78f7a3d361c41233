namespace Switchboard.Dialplan.Expressions;

/// <summary>
/// A prepared <c>$[ ... ]</c> expression (Asterisk's ast_expr2 grammar). Parse once, evaluate many times;
/// evaluation never throws: problems come back as <see cref="ExpressionResult.Warning"/>.
/// </summary>
public sealed class Expression
{
    private readonly ExprNode? _root;

    private Expression(string text, ExprNode? root, string? error)
    {
        Text = text;
        _root = root;
        Error = error;
    }

    /// <summary>The expression text (after variable substitution).</summary>
    public string Text { get; }

    /// <summary>The syntax error, or null when the text parsed.</summary>
    public string? Error { get; }

    /// <summary>Parses <paramref name="text"/>. A syntax error is kept and reported by every evaluation.</summary>
    public static Expression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var root = ExprParser.Parse(text, out var error);
        return new Expression(text, root, error);
    }

    /// <summary>Parses and evaluates in one step.</summary>
    public static ExpressionResult Evaluate(string text, IExpressionEnvironment? environment = null) => Parse(text).Evaluate(environment);

    /// <summary>Evaluates; dialplan functions are read through <paramref name="environment"/>.</summary>
    public ExpressionResult Evaluate(IExpressionEnvironment? environment = null)
    {
        if (_root is null)
        {
            return new ExpressionResult("0", Error);
        }

        var context = new ExprEvalContext(environment);
        var value = _root.Evaluate(context);
        return new ExpressionResult(value.AsString(), context.Warning);
    }
}
