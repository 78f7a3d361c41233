namespace Switchboard.Config.Pjsip.Values;

/// <summary>A caller id as written in <c>callerid=</c>: <c>"Name" &lt;number&gt;</c>, <c>Name &lt;number&gt;</c> or a bare number.</summary>
public sealed record CallerId(string Name, string Number)
{
    /// <summary>No caller id.</summary>
    public static CallerId None { get; } = new(string.Empty, string.Empty);

    /// <summary>True when both parts are empty.</summary>
    public bool IsEmpty => Name.Length == 0 && Number.Length == 0;

    /// <summary>Splits a caller id string like Asterisk's callerid parser.</summary>
    public static CallerId Parse(string text)
    {
        var s = text.Trim();
        var lt = s.LastIndexOf('<');
        var gt = s.LastIndexOf('>');
        if (lt >= 0 && gt > lt)
        {
            var number = s[(lt + 1)..gt].Trim();
            var name = s[..lt].Trim();
            return new CallerId(Unquote(name), number);
        }

        if (s.Length > 0 && IsNumberLike(s))
        {
            return new CallerId(string.Empty, s);
        }

        return new CallerId(Unquote(s), string.Empty);
    }

    /// <inheritdoc />
    public override string ToString() =>
        Name.Length == 0 ? (Number.Length == 0 ? string.Empty : $"<{Number}>") : $"\"{Name}\" <{Number}>";

    private static bool IsNumberLike(string s)
    {
        foreach (var c in s)
        {
            if (!(char.IsAsciiDigit(c) || c is '+' or '*' or '#' or '-' or '(' or ')' or ' ' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Unquote(string s) =>
        s.Length >= 2 && s[0] == '"' && s[^1] == '"' ? s[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal) : s;
}
