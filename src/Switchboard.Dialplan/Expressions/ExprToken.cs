namespace Switchboard.Dialplan.Expressions;

/// <summary>One token: its kind, its text (for values) and where it starts (for error messages).</summary>
internal readonly record struct ExprToken(ExprTokenKind Kind, string Text, bool Numeric, int Position);
