namespace Switchboard.Dialplan.Expressions;

/// <summary>A value during expression evaluation: a number, a numeric-looking string or a plain string.</summary>
internal readonly struct ExprValue
{
    private ExprValue(ExprValueKind kind, decimal number, string text)
    {
        Kind = kind;
        Number = number;
        Text = text;
    }

    public ExprValueKind Kind { get; }

    public decimal Number { get; }

    public string Text { get; }

    public static ExprValue FromNumber(decimal n) => new(ExprValueKind.Number, n, string.Empty);

    public static ExprValue FromBool(bool b) => new(ExprValueKind.Number, b ? 1m : 0m, string.Empty);

    /// <summary>A string value, classified as numeric when it starts with a digit, '-' or '.' and continues with digits or '.'.</summary>
    public static ExprValue FromString(string s) => new(LooksNumeric(s) ? ExprValueKind.NumericString : ExprValueKind.String, 0m, s);

    /// <summary>A token the lexer already classified.</summary>
    public static ExprValue FromToken(string s, bool numeric) => new(numeric ? ExprValueKind.NumericString : ExprValueKind.String, 0m, s);

    /// <summary>True when the value is a plain (non-numeric) string.</summary>
    public bool IsString => Kind == ExprValueKind.String;

    /// <summary>Converts to a number: numbers and numeric strings succeed, plain strings fail.</summary>
    public bool TryGetNumber(out decimal n)
    {
        switch (Kind)
        {
            case ExprValueKind.Number:
                n = Number;
                return true;
            case ExprValueKind.NumericString:
                return ExprNumber.TryParsePrefix(Text, out n);
            default:
                n = 0m;
                return false;
        }
    }

    /// <summary>The value as text (numbers printed the way Asterisk prints them).</summary>
    public string AsString() => Kind == ExprValueKind.Number ? ExprNumber.Format(Number) : Text;

    /// <summary>Asterisk's "zero or null" test used by <c>|</c> and <c>&amp;</c>.</summary>
    public bool IsZeroOrNull()
    {
        if (Kind == ExprValueKind.Number)
        {
            return Number == 0m;
        }

        return Text.Length == 0 || (TryGetNumber(out var n) && n == 0m);
    }

    private static bool LooksNumeric(string s)
    {
        if (s.Length == 0)
        {
            return false;
        }

        var c0 = s[0];
        if (!char.IsAsciiDigit(c0) && c0 != '-' && c0 != '.')
        {
            return false;
        }

        for (var i = 1; i < s.Length; i++)
        {
            if (!char.IsAsciiDigit(s[i]) && s[i] != '.')
            {
                return false;
            }
        }

        return true;
    }
}
