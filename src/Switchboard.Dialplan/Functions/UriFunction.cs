using System.Text;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Functions;

/// <summary>
/// URIENCODE (everything but letters, digits and <c>-_.!~*'()</c> becomes %XX of its UTF-8 bytes) and
/// URIDECODE (%XX decoded, <c>+</c> becomes a space, malformed escapes kept).
/// </summary>
internal sealed class UriFunction(bool encode) : DialplanFunction
{
    public override string Name => encode ? "URIENCODE" : "URIDECODE";

    public override FunctionResult Read(DialplanContext context, string args) =>
        FunctionResult.Ok(encode ? Encode(args) : Decode(args));

    internal static string Encode(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '!' or '~' or '*' or '\'' or '(' or ')'))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    internal static string Decode(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
            {
                bytes.Add((byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2])));
                i += 2;
            }
            else if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else
            {
                var count = char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1;
                bytes.AddRange(Encoding.UTF8.GetBytes(text.ToCharArray(i, count)));
                i += count - 1;
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (char.ToLowerInvariant(c) - 'a') + 10;
}
