using System.Globalization;

namespace Switchboard.Dialplan.Substitution;

/// <summary>
/// The inside of <c>${...}</c> once it is known: a variable or a function call (<c>NAME(args)</c>), with an
/// optional <c>:offset[:length]</c> substring. Negative offsets count from the end; a negative length drops
/// that many characters from the end.
/// </summary>
internal sealed class VariableReference
{
    private VariableReference(string name, bool isFunction, string functionArgs, int offset, int length)
    {
        Name = name;
        IsFunction = isFunction;
        FunctionArgs = functionArgs;
        Offset = offset;
        Length = length;
    }

    public string Name { get; }

    public bool IsFunction { get; }

    public string FunctionArgs { get; }

    public int Offset { get; }

    /// <summary>Substring length; <see cref="int.MaxValue"/> means "to the end".</summary>
    public int Length { get; }

    public bool HasSubstring => Offset != 0 || Length != int.MaxValue;

    public static VariableReference Parse(string content)
    {
        var parens = 0;
        var sawParen = false;
        var colon = -1;
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (c == '(')
            {
                parens++;
                sawParen = true;
            }
            else if (c == ')')
            {
                parens--;
            }
            else if (c == ':' && parens == 0)
            {
                colon = i;
                break;
            }
        }

        var head = colon < 0 ? content : content[..colon];
        int offset = 0, length = int.MaxValue;
        if (colon >= 0)
        {
            var rest = content.AsSpan(colon + 1);
            var second = rest.IndexOf(':');
            var offsetText = second < 0 ? rest : rest[..second];
            _ = int.TryParse(offsetText.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out offset);
            if (second >= 0 && int.TryParse(rest[(second + 1)..].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            {
                length = l;
            }
        }

        if (!sawParen)
        {
            return new VariableReference(head, false, string.Empty, offset, length);
        }

        var open = head.IndexOf('(');
        var close = head.LastIndexOf(')');
        var name = head[..open];
        var args = close > open ? head[(open + 1)..close] : head[(open + 1)..];
        return new VariableReference(name, true, args, offset, length);
    }

    /// <summary>Applies Asterisk's substring rules.</summary>
    public static string Substring(string value, int offset, int length)
    {
        var lr = value.Length;
        if (offset == 0 && length >= lr)
        {
            return value;
        }

        if (offset < 0)
        {
            offset = lr + offset;
            if (offset < 0)
            {
                offset = 0;
            }
        }

        if (offset >= lr)
        {
            return string.Empty;
        }

        var remaining = lr - offset;
        if (length >= 0)
        {
            return value.Substring(offset, Math.Min(length, remaining));
        }

        var keep = remaining + length;
        return keep > 0 ? value.Substring(offset, keep) : string.Empty;
    }
}
