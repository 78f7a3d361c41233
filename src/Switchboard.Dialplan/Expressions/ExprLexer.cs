namespace Switchboard.Dialplan.Expressions;

/// <summary>
/// Splits expression text into tokens following Asterisk's expression scanner: operators, double-quoted
/// strings (quotes kept), numbers (<c>[0-9]+(.[0-9]+)?</c>), words of <c>[A-Za-z0-9.';\_^#@]</c> and
/// non-ASCII characters, and unexpanded <c>${...}</c> references. Whitespace separates; other characters
/// are skipped.
/// </summary>
internal static class ExprLexer
{
    public static List<ExprToken> Tokenize(string text)
    {
        var tokens = new List<ExprToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            switch (c)
            {
                case ' ' or '\t' or '\r' or '\n':
                    i++;
                    continue;
                case '|':
                    tokens.Add(Op(ExprTokenKind.Or, i));
                    i += next == '|' ? 2 : 1;
                    continue;
                case '&':
                    tokens.Add(Op(ExprTokenKind.And, i));
                    i += next == '&' ? 2 : 1;
                    continue;
                case '=':
                    if (next == '~')
                    {
                        tokens.Add(Op(ExprTokenKind.EqTilde, i));
                        i += 2;
                    }
                    else
                    {
                        tokens.Add(Op(ExprTokenKind.Eq, i));
                        i += next == '=' ? 2 : 1;
                    }

                    continue;
                case '~' when next == '~':
                    tokens.Add(Op(ExprTokenKind.TildeTilde, i));
                    i += 2;
                    continue;
                case '>':
                    tokens.Add(Op(next == '=' ? ExprTokenKind.Ge : ExprTokenKind.Gt, i));
                    i += next == '=' ? 2 : 1;
                    continue;
                case '<':
                    tokens.Add(Op(next == '=' ? ExprTokenKind.Le : ExprTokenKind.Lt, i));
                    i += next == '=' ? 2 : 1;
                    continue;
                case '!':
                    tokens.Add(Op(next == '=' ? ExprTokenKind.Ne : ExprTokenKind.Not, i));
                    i += next == '=' ? 2 : 1;
                    continue;
                case ':':
                    tokens.Add(Op(next == ':' ? ExprTokenKind.ColonColon : ExprTokenKind.Colon, i));
                    i += next == ':' ? 2 : 1;
                    continue;
                case '+':
                    tokens.Add(Op(ExprTokenKind.Plus, i++));
                    continue;
                case '-':
                    tokens.Add(Op(ExprTokenKind.Minus, i++));
                    continue;
                case '*':
                    tokens.Add(Op(ExprTokenKind.Multiply, i++));
                    continue;
                case '/':
                    tokens.Add(Op(ExprTokenKind.Divide, i++));
                    continue;
                case '%':
                    tokens.Add(Op(ExprTokenKind.Modulo, i++));
                    continue;
                case '?':
                    tokens.Add(Op(ExprTokenKind.Question, i++));
                    continue;
                case ',':
                    tokens.Add(Op(ExprTokenKind.Comma, i++));
                    continue;
                case '(':
                    tokens.Add(Op(ExprTokenKind.LeftParen, i++));
                    continue;
                case ')':
                    tokens.Add(Op(ExprTokenKind.RightParen, i++));
                    continue;
                case '"':
                    {
                        var close = text.IndexOf('"', i + 1);
                        var end = close < 0 ? text.Length : close + 1;
                        tokens.Add(new ExprToken(ExprTokenKind.Value, text[i..end], false, i));
                        i = end;
                        continue;
                    }
            }

            if (IsWordChar(text, i) || (c == '$' && next == '{'))
            {
                var start = i;
                i = ScanWord(text, i);
                var word = text[start..i];
                tokens.Add(new ExprToken(ExprTokenKind.Value, word, IsNumber(word), start));
                continue;
            }

            // Characters the scanner has no rule for are dropped, as Asterisk's scanner does.
            i++;
        }

        tokens.Add(new ExprToken(ExprTokenKind.End, string.Empty, false, text.Length));
        return tokens;
    }

    private static ExprToken Op(ExprTokenKind kind, int position) => new(kind, string.Empty, false, position);

    private static bool IsWordChar(string text, int i)
    {
        var c = text[i];
        if (char.IsAsciiLetterOrDigit(c) || c is '.' or '\'' or ';' or '\\' or '_' or '^' or '#' or '@' || c >= '\u0080')
        {
            return true;
        }

        return c == '$' && (i + 1 >= text.Length || text[i + 1] != '{');
    }

    private static int ScanWord(string text, int i)
    {
        while (i < text.Length)
        {
            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                i = SkipReference(text, i + 2);
                while (i < text.Length && !IsTrailStop(text[i]))
                {
                    if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
                    {
                        break;
                    }

                    i++;
                }

                continue;
            }

            if (!IsWordChar(text, i))
            {
                break;
            }

            i++;
        }

        return i;
    }

    private static int SkipReference(string text, int i)
    {
        var depth = 1;
        while (i < text.Length && depth > 0)
        {
            if (text[i] == '{')
            {
                depth++;
            }
            else if (text[i] == '}')
            {
                depth--;
            }

            i++;
        }

        return i;
    }

    private static bool IsTrailStop(char c) => c is '-' or '\t' or '\r' or ' ' or '\n' or '$' or '(' or ')' or ':' or '?' or '%' or '/' or '+' or '=' or '*' or '<' or '>' or '!' or '|' or '&';

    private static bool IsNumber(string word)
    {
        var i = 0;
        while (i < word.Length && char.IsAsciiDigit(word[i]))
        {
            i++;
        }

        if (i == 0)
        {
            return false;
        }

        if (i == word.Length)
        {
            return true;
        }

        if (word[i] != '.' || i + 1 == word.Length)
        {
            return false;
        }

        for (var j = i + 1; j < word.Length; j++)
        {
            if (!char.IsAsciiDigit(word[j]))
            {
                return false;
            }
        }

        return true;
    }
}
