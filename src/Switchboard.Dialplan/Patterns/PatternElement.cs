namespace Switchboard.Dialplan.Patterns;

/// <summary>One position of a parsed pattern.</summary>
internal readonly record struct PatternElement(PatternElementKind Kind, CharClass Chars)
{
    /// <summary>
    /// Asterisk's specificity weight of this position: the number of characters it accepts (shifted) plus the
    /// lowest one; <c>.</c> and <c>!</c> weigh more than any set so they sort last.
    /// </summary>
    public int Weight => Kind switch
    {
        PatternElementKind.OneOrMore => 0x18000,
        PatternElementKind.ZeroOrMore => 0x28000,
        _ => (Chars.Count << 8) | Chars.Min,
    };

    /// <summary>Weight of the end of a pattern (sorts after everything).</summary>
    public const int EndWeight = 0x30000;
}
