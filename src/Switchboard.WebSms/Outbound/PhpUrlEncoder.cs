using System.Text;

namespace Switchboard.WebSms.Outbound;

/// <summary>
/// Form encoding as PHP's <c>http_build_query</c> writes it (RFC 1738: letters, digits and <c>-_.</c> kept, space as
/// <c>+</c>, every other UTF-8 byte as upper-case <c>%XX</c>); ITSP signatures are computed over this exact text.
/// </summary>
public static class PhpUrlEncoder
{
    public static string Encode(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var sb = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' || b == '_' || b == '.')
            {
                sb.Append((char)b);
            }
            else if (b == ' ')
            {
                sb.Append('+');
            }
            else
            {
                sb.Append('%').Append(((int)b).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    /// <summary><c>k1=v1&amp;k2=v2</c> in the given order.</summary>
    public static string BuildQuery(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var sb = new StringBuilder();
        foreach (var (k, v) in fields)
        {
            if (sb.Length > 0)
            {
                sb.Append('&');
            }

            sb.Append(Encode(k)).Append('=').Append(Encode(v));
        }

        return sb.ToString();
    }
}
