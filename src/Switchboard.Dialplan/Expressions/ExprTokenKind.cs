namespace Switchboard.Dialplan.Expressions;

/// <summary>Token kinds of the expression language.</summary>
internal enum ExprTokenKind
{
    End,
    Value,
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Gt,
    Le,
    Ge,
    Plus,
    Minus,
    Multiply,
    Divide,
    Modulo,
    Question,
    ColonColon,
    Not,
    Colon,
    EqTilde,
    TildeTilde,
    LeftParen,
    RightParen,
    Comma,
}
