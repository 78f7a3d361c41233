namespace Switchboard.Dialplan.Patterns;

/// <summary>
/// An extension name as written in extensions.conf: a literal (<c>1234</c>, <c>s</c>, <c>+4670...</c>) or a
/// pattern starting with <c>_</c> (<c>X Z N [1-5a] . !</c>). Dashes are visual separators and ignored in
/// patterns, literals and dialled strings. Parsed once; matching allocates nothing.
/// </summary>
public sealed class ExtensionPattern : IComparable<ExtensionPattern>
{
    private readonly PatternElement[] _elements;
    private readonly string _literal;
    private string? _key;

    private ExtensionPattern(string text, bool isPattern, PatternElement[] elements, string literal)
    {
        Text = text;
        IsPattern = isPattern;
        _elements = elements;
        _literal = literal;
    }

    /// <summary>The extension as written (e.g. <c>_0ZXXXXXX.</c>).</summary>
    public string Text { get; }

    /// <summary>True for <c>_</c> patterns.</summary>
    public bool IsPattern { get; }

    /// <summary>
    /// A canonical form: two names with the same key are the same extension to Asterisk (<c>555-1212</c> and
    /// <c>5551212</c>; <c>_x.</c> and <c>_X.</c>; <c>_[12]</c> and <c>_[21]</c>).
    /// </summary>
    public string Key => _key ??= BuildKey();

    /// <summary>Parses an extension name. Returns false with a reason for an unclosed <c>[</c> or an empty name.</summary>
    public static bool TryParse(string text, out ExtensionPattern pattern, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        pattern = null!;
        error = null;
        if (text.Length == 0 || text == "_")
        {
            error = "empty extension";
            return false;
        }

        if (text[0] != '_')
        {
            pattern = new ExtensionPattern(text, false, [], StripDashes(text));
            return true;
        }

        var elements = new List<PatternElement>(text.Length);
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '-' or ' ':
                    break;
                case 'X' or 'x':
                    elements.Add(new PatternElement(PatternElementKind.Set, CharClass.Range('0', '9')));
                    break;
                case 'Z' or 'z':
                    elements.Add(new PatternElement(PatternElementKind.Set, CharClass.Range('1', '9')));
                    break;
                case 'N' or 'n':
                    elements.Add(new PatternElement(PatternElementKind.Set, CharClass.Range('2', '9')));
                    break;
                case '.':
                    elements.Add(new PatternElement(PatternElementKind.OneOrMore, CharClass.Empty));
                    break;
                case '!':
                    elements.Add(new PatternElement(PatternElementKind.ZeroOrMore, CharClass.Empty));
                    break;
                case '[':
                    if (!TryParseSet(text, ref i, out var set, out error))
                    {
                        return false;
                    }

                    elements.Add(new PatternElement(PatternElementKind.Set, set));
                    break;
                default:
                    elements.Add(new PatternElement(PatternElementKind.Set, CharClass.Single(c)));
                    break;
            }
        }

        pattern = new ExtensionPattern(text, true, elements.ToArray(), string.Empty);
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> (for tests and constants).</summary>
    public static ExtensionPattern Parse(string text) =>
        TryParse(text, out var p, out var error) ? p : throw new FormatException($"invalid extension '{text}': {error}");

    /// <summary>Tests <paramref name="data"/> (a dialled string) in the given mode.</summary>
    public MatchOutcome Match(ReadOnlySpan<char> data, MatchMode mode)
    {
        return IsPattern ? MatchPattern(data, mode) : MatchLiteral(data, mode);
    }

    /// <summary>True when <paramref name="data"/> matches completely (a <c>!</c> early match counts).</summary>
    public bool IsMatch(ReadOnlySpan<char> data) => Match(data, MatchMode.Match) != MatchOutcome.None;

    /// <summary>True when <paramref name="data"/> matches now or could with more digits.</summary>
    public bool CanMatch(ReadOnlySpan<char> data) => Match(data, MatchMode.CanMatch) != MatchOutcome.None;

    /// <summary>True when more digits could still produce a match (a <c>!</c> never asks for more).</summary>
    public bool MatchMore(ReadOnlySpan<char> data) => Match(data, MatchMode.MatchMore) == MatchOutcome.Match;

    /// <summary>
    /// Asterisk's ordering of extensions in a context, which is also the precedence when several match:
    /// literals before patterns (literals ordered by character), patterns compared position by position with
    /// fewer possible characters first (ties by lowest character, then by the set itself), <c>.</c> after any
    /// set and <c>!</c> after <c>.</c>.
    /// </summary>
    public int CompareTo(ExtensionPattern? other)
    {
        if (other is null)
        {
            return 1;
        }

        if (!IsPattern)
        {
            return other.IsPattern ? -1 : CompareLiterals(_literal, other._literal);
        }

        if (!other.IsPattern)
        {
            return 1;
        }

        var n = Math.Max(_elements.Length, other._elements.Length);
        for (var i = 0; i <= n; i++)
        {
            var left = i < _elements.Length ? _elements[i].Weight : PatternElement.EndWeight;
            var right = i < other._elements.Length ? other._elements[i].Weight : PatternElement.EndWeight;
            if (left != right)
            {
                return left < right ? -1 : 1;
            }

            if (left == PatternElement.EndWeight)
            {
                return 0;
            }

            var bits = _elements[i].Chars.CompareBitmap(other._elements[i].Chars);
            if (bits != 0)
            {
                return bits;
            }
        }

        return 0;
    }

    /// <summary>True when both name the same extension (same pattern or same literal ignoring dashes).</summary>
    public bool SameAs(ExtensionPattern other) => CompareTo(other) == 0 && IsPattern == other.IsPattern;

    /// <inheritdoc />
    public override string ToString() => Text;

    private MatchOutcome MatchLiteral(ReadOnlySpan<char> data, MatchMode mode)
    {
        var literal = _literal.AsSpan();
        var ld = LengthWithoutDashes(data);
        if (literal.Length < ld)
        {
            return MatchOutcome.None;
        }

        // Compare the dialled characters (dashes skipped) with the start of the literal.
        var j = 0;
        foreach (var c in data)
        {
            if (c == '-')
            {
                continue;
            }

            if (literal[j] != c)
            {
                return MatchOutcome.None;
            }

            j++;
        }

        return mode switch
        {
            MatchMode.Match => literal.Length == ld ? MatchOutcome.Match : MatchOutcome.None,
            MatchMode.MatchMore => literal.Length > ld ? MatchOutcome.Match : MatchOutcome.None,
            _ => MatchOutcome.Match,
        };
    }

    private MatchOutcome MatchPattern(ReadOnlySpan<char> data, MatchMode mode)
    {
        var e = 0;
        var d = 0;
        while (d < data.Length && e < _elements.Length)
        {
            var c = data[d];
            if (c == '-')
            {
                d++;
                continue;
            }

            var element = _elements[e];
            if (element.Kind == PatternElementKind.OneOrMore)
            {
                return MatchOutcome.Match;
            }

            if (element.Kind == PatternElementKind.ZeroOrMore)
            {
                return MatchOutcome.EarlyMatch;
            }

            if (!element.Chars.Contains(c))
            {
                return MatchOutcome.None;
            }

            e++;
            d++;
        }

        while (d < data.Length && data[d] == '-')
        {
            d++;
        }

        if (d < data.Length)
        {
            return MatchOutcome.None;
        }

        if (e == _elements.Length)
        {
            return mode == MatchMode.MatchMore ? MatchOutcome.None : MatchOutcome.Match;
        }

        if (_elements[e].Kind == PatternElementKind.ZeroOrMore)
        {
            return MatchOutcome.EarlyMatch;
        }

        return mode == MatchMode.Match ? MatchOutcome.None : MatchOutcome.Match;
    }

    private string BuildKey()
    {
        if (!IsPattern)
        {
            return _literal;
        }

        var sb = new System.Text.StringBuilder("_");
        foreach (var e in _elements)
        {
            switch (e.Kind)
            {
                case PatternElementKind.OneOrMore:
                    sb.Append('.');
                    break;
                case PatternElementKind.ZeroOrMore:
                    sb.Append('!');
                    break;
                default:
                    sb.Append('[');
                    for (var c = 0; c < 256; c++)
                    {
                        if (e.Chars.Contains((char)c))
                        {
                            sb.Append((char)c);
                        }
                    }

                    if (e.Chars.Other != '\0')
                    {
                        sb.Append(e.Chars.Other);
                    }

                    sb.Append(']');
                    break;
            }
        }

        return sb.ToString();
    }

    private static bool TryParseSet(string text, ref int i, out CharClass set, out string? error)
    {
        set = CharClass.Empty;
        error = null;
        var start = i;
        i++;
        while (i < text.Length && text[i] != ']')
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                i++;
                c = text[i];
                set = set.With(c);
                i++;
                continue;
            }

            if (i + 2 < text.Length && text[i + 1] == '-' && text[i + 2] != ']')
            {
                set = set.Union(CharClass.Range(c, text[i + 2]));
                i += 3;
                continue;
            }

            set = set.With(c);
            i++;
        }

        if (i >= text.Length)
        {
            error = $"unclosed '[' at position {start} in pattern '{text}'";
            return false;
        }

        if (set.Count == 0)
        {
            error = $"empty character set '[]' in pattern '{text}'";
            return false;
        }

        return true;
    }

    private static int CompareLiterals(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return a[i] < b[i] ? -1 : 1;
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    private static int LengthWithoutDashes(ReadOnlySpan<char> s)
    {
        var n = 0;
        foreach (var c in s)
        {
            if (c != '-')
            {
                n++;
            }
        }

        return n;
    }

    private static string StripDashes(string s) => s.Contains('-', StringComparison.Ordinal) ? s.Replace("-", string.Empty, StringComparison.Ordinal) : s;
}
