namespace Switchboard.Dialplan.Expressions;

/// <summary>The text an expression produced, and the first warning or error Asterisk would have logged.</summary>
/// <param name="Value">The result text (a syntax error gives "0", as in Asterisk).</param>
/// <param name="Warning">The first warning (non-numeric argument, division by zero, syntax error ...), or null.</param>
public readonly record struct ExpressionResult(string Value, string? Warning)
{
    /// <summary>True when evaluation raised no warning.</summary>
    public bool IsClean => Warning is null;
}
