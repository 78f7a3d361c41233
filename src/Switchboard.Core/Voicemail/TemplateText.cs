using System.Text;

namespace Switchboard.Core.Voicemail;

/// <summary>
/// Fills a minivm.conf template text: <c>${NAME}</c> takes the value of NAME from the variables (MVM_* and the
/// channel's), unknown names become empty; <c>\n</c>, <c>\t</c> and <c>\\</c> are the escapes Asterisk applies to
/// messagebody.
/// </summary>
public static class TemplateText
{
    public static string Render(string template, Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(template);
        var sb = new StringBuilder(template.Length + 64);
        for (int i = 0; i < template.Length; i++)
        {
            char c = template[i];
            if (c == '\\' && i + 1 < template.Length)
            {
                char n = template[++i];
                sb.Append(n switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => n });
            }
            else if (c == '$' && i + 1 < template.Length && template[i + 1] == '{')
            {
                int close = template.IndexOf('}', i + 2);
                if (close < 0)
                {
                    sb.Append(template, i, template.Length - i);
                    break;
                }

                sb.Append(lookup(template[(i + 2)..close]) ?? string.Empty);
                i = close;
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
