using System.Text;

namespace Switchboard.Dialplan.Substitution;

/// <summary>
/// Splits application and function arguments the way Asterisk's standard argument parser does: the separator
/// counts only outside parentheses, square brackets and double quotes. In <em>standard</em> mode double quotes
/// are removed and a backslash makes the next character literal (and is removed); in <em>raw</em> mode both are
/// kept. When <c>maxArgs</c> is reached the last argument receives the unparsed remainder.
/// </summary>
public static class AppArgs
{
    /// <summary>Standard split on commas (quotes and backslashes processed).</summary>
    public static List<string> Standard(string input, int maxArgs = int.MaxValue) => Split(input, ',', removeChars: true, maxArgs);

    /// <summary>Raw split on commas (quotes and backslashes kept).</summary>
    public static List<string> Raw(string input, int maxArgs = int.MaxValue) => Split(input, ',', removeChars: false, maxArgs);

    /// <summary>Splits <paramref name="input"/> on <paramref name="separator"/>.</summary>
    public static List<string> Split(string input, char separator, bool removeChars, int maxArgs = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = new List<string>();
        if (input.Length == 0 || maxArgs <= 0)
        {
            return result;
        }

        var current = new StringBuilder();
        int paren = 0, bracket = 0;
        var quote = false;
        var i = 0;
        while (i < input.Length)
        {
            if (result.Count == maxArgs - 1)
            {
                result.Add(input[i..]);
                return result;
            }

            var ended = false;
            for (; i < input.Length; i++)
            {
                var c = input[i];
                if (c == '(')
                {
                    paren++;
                }
                else if (c == ')')
                {
                    if (paren > 0)
                    {
                        paren--;
                    }
                }
                else if (c == '[')
                {
                    bracket++;
                }
                else if (c == ']')
                {
                    if (bracket > 0)
                    {
                        bracket--;
                    }
                }
                else if (c == '"' && separator != '"')
                {
                    quote = !quote;
                    if (removeChars)
                    {
                        continue;
                    }
                }
                else if (c == '\\')
                {
                    if (i + 1 < input.Length)
                    {
                        if (!removeChars)
                        {
                            current.Append(c);
                        }

                        i++;
                        current.Append(input[i]);
                        continue;
                    }

                    if (removeChars)
                    {
                        continue;
                    }
                }
                else if (c == separator && paren == 0 && bracket == 0 && !quote)
                {
                    ended = true;
                    i++;
                    break;
                }

                current.Append(c);
            }

            result.Add(current.ToString());
            current.Clear();
            if (ended && i == input.Length && result.Count < maxArgs)
            {
                // A trailing separator gives a final empty argument.
                result.Add(string.Empty);
            }
        }

        return result;
    }

    /// <summary>The argument at <paramref name="index"/>, or empty when absent.</summary>
    public static string At(List<string> args, int index) => index < args.Count ? args[index] : string.Empty;

    /// <summary>
    /// Splits <c>name(args)</c> into the name and the text between the first <c>(</c> and the last <c>)</c>.
    /// Without parentheses the whole text is the name and args are empty. Returns false when the closing
    /// parenthesis is missing (the rest is then taken as args).
    /// </summary>
    public static bool SplitCall(string text, out string name, out string args)
    {
        ArgumentNullException.ThrowIfNull(text);
        var open = text.IndexOf('(');
        if (open < 0)
        {
            name = text.Trim();
            args = string.Empty;
            return true;
        }

        name = text[..open].Trim();
        var close = text.LastIndexOf(')');
        if (close < open)
        {
            args = text[(open + 1)..];
            return false;
        }

        args = text[(open + 1)..close];
        return true;
    }
}
