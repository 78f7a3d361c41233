namespace Switchboard.Dialplan.Expressions;

/// <summary>
/// Unary <c>!a</c>: 1 when a is empty, zero or "0", else 0. As in Asterisk, text is read with atoi, so
/// <c>!abc</c> is 1 (atoi gives 0) and <c>!0.5</c> is 1.
/// </summary>
internal sealed class ExprNot(ExprNode operand) : ExprNode
{
    public override ExprValue Evaluate(ExprEvalContext context)
    {
        var a = operand.Evaluate(context);
        bool truthy;
        if (a.Kind == ExprValueKind.Number)
        {
            truthy = a.Number != 0m;
        }
        else if (a.Text.Length == 0 || a.Text == "0")
        {
            truthy = false;
        }
        else
        {
            truthy = Atoi(a.Text) != 0;
        }

        return ExprValue.FromBool(!truthy);
    }

    private static long Atoi(string s)
    {
        var i = 0;
        while (i < s.Length && char.IsWhiteSpace(s[i]))
        {
            i++;
        }

        var negative = false;
        if (i < s.Length && (s[i] == '-' || s[i] == '+'))
        {
            negative = s[i] == '-';
            i++;
        }

        long v = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]) && v < int.MaxValue)
        {
            v = (v * 10) + (s[i] - '0');
            i++;
        }

        return negative ? -v : v;
    }
}
