namespace Switchboard.Dialplan.Expressions;

/// <summary>The three value kinds of Asterisk's expression evaluator.</summary>
internal enum ExprValueKind
{
    /// <summary>A computed number.</summary>
    Number,

    /// <summary>Text that looks like a number (digits, '-', '.'): compared numerically.</summary>
    NumericString,

    /// <summary>Any other text: compared as text.</summary>
    String,
}
