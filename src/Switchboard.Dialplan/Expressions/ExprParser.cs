namespace Switchboard.Dialplan.Expressions;

/// <summary>
/// Builds a prepared tree from tokens with Asterisk's precedence, lowest first: <c>? ::</c>, <c>|</c>,
/// <c>&amp;</c>, comparisons, <c>+ -</c>, <c>* / %</c>, unary <c>- !</c>, <c>: =~ ~~</c>, parentheses.
/// Binary operators are left-associative. Reports the first syntax error instead of throwing.
/// </summary>
internal sealed class ExprParser
{
    private readonly List<ExprToken> _tokens;
    private readonly string _text;
    private const int MaxDepth = 200;
    private int _pos;
    private int _depth;
    private string? _error;

    private ExprParser(string text, List<ExprToken> tokens)
    {
        _text = text;
        _tokens = tokens;
    }

    private ExprToken Current => _tokens[_pos];

    public static ExprNode? Parse(string text, out string? error)
    {
        var parser = new ExprParser(text, ExprLexer.Tokenize(text));
        if (parser.Current.Kind == ExprTokenKind.End)
        {
            error = null;
            return new ExprLiteral(ExprValue.FromToken(string.Empty, false));
        }

        var node = parser.ParseTernary();
        if (parser._error is null && parser.Current.Kind != ExprTokenKind.End)
        {
            parser.Fail("unexpected " + Describe(parser.Current));
        }

        error = parser._error;
        return error is null ? node : null;
    }

    private ExprNode ParseTernary()
    {
        if (!Enter())
        {
            return new ExprLiteral(ExprValue.FromNumber(0m));
        }

        var left = ParseBinary(0);
        while (_error is null && Current.Kind == ExprTokenKind.Question)
        {
            _pos++;
            var whenTrue = ParseTernary();
            if (_error is not null)
            {
                break;
            }

            if (Current.Kind != ExprTokenKind.ColonColon)
            {
                Fail("expecting '::' after '?' branch, found " + Describe(Current));
                break;
            }

            _pos++;
            var whenFalse = ParseBinary(0);
            left = new ExprConditional(left, whenTrue, whenFalse);
        }

        _depth--;
        return left;
    }

    private bool Enter()
    {
        if (++_depth > MaxDepth)
        {
            Fail($"expression nested deeper than {MaxDepth} levels");
            _depth--;
            return false;
        }

        return true;
    }

    // Levels: 0 = |, 1 = &, 2 = comparisons, 3 = + -, 4 = * / %.
    private ExprNode ParseBinary(int level)
    {
        var left = level == 4 ? ParseUnary() : ParseBinary(level + 1);
        while (_error is null && IsOperatorOfLevel(Current.Kind, level))
        {
            var op = Current.Kind;
            _pos++;
            var right = level == 4 ? ParseUnary() : ParseBinary(level + 1);
            left = level switch
            {
                0 => new ExprOr(left, right),
                1 => new ExprAnd(left, right),
                2 => new ExprComparison(op, left, right),
                _ => new ExprArithmetic(op, left, right),
            };
        }

        return left;
    }

    private ExprNode ParseUnary()
    {
        if (Current.Kind is not ExprTokenKind.Minus and not ExprTokenKind.Not)
        {
            return ParseMatch();
        }

        if (!Enter())
        {
            return new ExprLiteral(ExprValue.FromNumber(0m));
        }

        var negate = Current.Kind == ExprTokenKind.Minus;
        _pos++;
        var operand = ParseUnary();
        _depth--;
        return negate ? new ExprNegate(operand) : new ExprNot(operand);
    }

    private ExprNode ParseMatch()
    {
        var left = ParsePrimary();
        while (_error is null && Current.Kind is ExprTokenKind.Colon or ExprTokenKind.EqTilde or ExprTokenKind.TildeTilde)
        {
            var op = Current.Kind;
            _pos++;
            var right = ParseMatchOperand();
            left = op == ExprTokenKind.TildeTilde ? new ExprConcat(left, right) : new ExprRegexMatch(op == ExprTokenKind.Colon, left, right);
        }

        return left;
    }

    private ExprNode ParseMatchOperand()
    {
        if (Current.Kind is not ExprTokenKind.Minus and not ExprTokenKind.Not)
        {
            return ParsePrimary();
        }

        if (!Enter())
        {
            return new ExprLiteral(ExprValue.FromNumber(0m));
        }

        var negate = Current.Kind == ExprTokenKind.Minus;
        _pos++;
        var operand = ParseMatchOperand();
        _depth--;
        return negate ? new ExprNegate(operand) : new ExprNot(operand);
    }

    private ExprNode ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case ExprTokenKind.Value:
                _pos++;
                if (Current.Kind == ExprTokenKind.LeftParen)
                {
                    return ParseCall(token.Text);
                }

                return new ExprLiteral(ExprValue.FromToken(token.Text, token.Numeric));
            case ExprTokenKind.LeftParen:
                {
                    _pos++;
                    var inner = ParseTernary();
                    if (_error is null && Current.Kind != ExprTokenKind.RightParen)
                    {
                        Fail("expecting ')', found " + Describe(Current));
                    }

                    _pos++;
                    return inner;
                }

            default:
                Fail("unexpected " + Describe(token));
                return new ExprLiteral(ExprValue.FromNumber(0m));
        }
    }

    private ExprNode ParseCall(string name)
    {
        _pos++; // '('
        var args = new List<ExprNode>();
        if (Current.Kind == ExprTokenKind.RightParen)
        {
            Fail($"function {name}() needs at least one argument");
            return new ExprLiteral(ExprValue.FromNumber(0m));
        }

        args.Add(ParseTernary());
        while (_error is null && Current.Kind == ExprTokenKind.Comma)
        {
            _pos++;
            if (Current.Kind is ExprTokenKind.Comma or ExprTokenKind.RightParen)
            {
                args.Add(new ExprLiteral(ExprValue.FromToken(string.Empty, false)));
                continue;
            }

            args.Add(ParseTernary());
        }

        if (_error is null && Current.Kind != ExprTokenKind.RightParen)
        {
            Fail("expecting ')' or ',' in call of " + name + ", found " + Describe(Current));
        }

        _pos++;
        return new ExprFunctionCall(name, args.ToArray());
    }

    private static bool IsOperatorOfLevel(ExprTokenKind kind, int level) => level switch
    {
        0 => kind == ExprTokenKind.Or,
        1 => kind == ExprTokenKind.And,
        2 => kind is ExprTokenKind.Eq or ExprTokenKind.Ne or ExprTokenKind.Lt or ExprTokenKind.Gt or ExprTokenKind.Le or ExprTokenKind.Ge,
        3 => kind is ExprTokenKind.Plus or ExprTokenKind.Minus,
        _ => kind is ExprTokenKind.Multiply or ExprTokenKind.Divide or ExprTokenKind.Modulo,
    };

    private void Fail(string message)
    {
        if (_error is not null)
        {
            return;
        }

        var at = Math.Min(Current.Position, _text.Length);
        _error = $"syntax error: {message}; Input:\n{_text}\n{new string(' ', at)}^";
    }

    private static string Describe(ExprToken token) => token.Kind switch
    {
        ExprTokenKind.End => "end of expression",
        ExprTokenKind.Value => $"'{token.Text}'",
        ExprTokenKind.Or => "'|'",
        ExprTokenKind.And => "'&'",
        ExprTokenKind.Eq => "'='",
        ExprTokenKind.Ne => "'!='",
        ExprTokenKind.Lt => "'<'",
        ExprTokenKind.Gt => "'>'",
        ExprTokenKind.Le => "'<='",
        ExprTokenKind.Ge => "'>='",
        ExprTokenKind.Plus => "'+'",
        ExprTokenKind.Minus => "'-'",
        ExprTokenKind.Multiply => "'*'",
        ExprTokenKind.Divide => "'/'",
        ExprTokenKind.Modulo => "'%'",
        ExprTokenKind.Question => "'?'",
        ExprTokenKind.ColonColon => "'::'",
        ExprTokenKind.Not => "'!'",
        ExprTokenKind.Colon => "':'",
        ExprTokenKind.EqTilde => "'=~'",
        ExprTokenKind.TildeTilde => "'~~'",
        ExprTokenKind.LeftParen => "'('",
        ExprTokenKind.RightParen => "')'",
        _ => "','",
    };
}
