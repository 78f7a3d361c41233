namespace Switchboard.Dialplan.Functions;

/// <summary>Reads a one-character argument that may be escaped: <c>\n \r \t \a \b \f \v \\ \xHH \0OOO</c> (Asterisk's ast_get_encoded_char).</summary>
internal static class EncodedChar
{
    public static char Decode(string text, char fallback)
    {
        if (text.Length == 0)
        {
            return fallback;
        }

        if (text[0] != '\\' || text.Length == 1)
        {
            return text[0];
        }

        var c = text[1];
        switch (c)
        {
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'a': return '\a';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'v': return '\v';
            case 'x':
                return text.Length > 2 && int.TryParse(text.AsSpan(2, Math.Min(2, text.Length - 2)), System.Globalization.NumberStyles.HexNumber, null, out var hex)
                    ? (char)hex
                    : 'x';
            case >= '0' and <= '7':
                {
                    var value = 0;
                    for (var i = 1; i < text.Length && i < 5 && text[i] is >= '0' and <= '7'; i++)
                    {
                        value = (value * 8) + (text[i] - '0');
                    }

                    return (char)value;
                }

            default:
                return c;
        }
    }
}
