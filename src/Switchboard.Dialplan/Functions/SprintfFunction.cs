using System.Globalization;
using System.Text;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Functions;

/// <summary>
/// SPRINTF(format,arg1,...): C-style formatting of <c>%d %i %u %o %x %X %c %s %f %F %e %E %g %G %%</c> with
/// flags <c>- 0 + space #</c>, width and precision.
/// </summary>
internal sealed class SprintfFunction : DialplanFunction
{
    public override string Name => "SPRINTF";

    public override FunctionResult Read(DialplanContext context, string args)
    {
        var a = AppArgs.Standard(args);
        if (a.Count == 0)
        {
            return FunctionResult.Fail("SPRINTF requires a format");
        }

        var format = a[0];
        var next = 1;
        var sb = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%')
            {
                sb.Append(format[i]);
                continue;
            }

            var start = i++;
            var left = false;
            var zero = false;
            var plus = false;
            var space = false;
            while (i < format.Length && format[i] is '-' or '0' or '+' or ' ' or '#')
            {
                left |= format[i] == '-';
                zero |= format[i] == '0';
                plus |= format[i] == '+';
                space |= format[i] == ' ';
                i++;
            }

            var width = ReadNumber(format, ref i);
            var precision = -1;
            if (i < format.Length && format[i] == '.')
            {
                i++;
                precision = Math.Max(0, ReadNumber(format, ref i));
            }

            while (i < format.Length && format[i] is 'h' or 'l' or 'L' or 'q' or 'j' or 'z' or 't')
            {
                i++;
            }

            if (i >= format.Length)
            {
                return FunctionResult.Fail($"SPRINTF: incomplete conversion '{format[start..]}'");
            }

            var conversion = format[i];
            if (conversion == '%')
            {
                sb.Append('%');
                continue;
            }

            var arg = AppArgs.At(a, next++);
            string text;
            switch (conversion)
            {
                case 'd' or 'i' or 'u':
                    {
                        var n = ParseLong(arg);
                        text = Math.Abs(n).ToString(ci);
                        if (precision >= 0)
                        {
                            text = text.PadLeft(precision, '0');
                        }

                        text = (n < 0 ? "-" : plus ? "+" : space ? " " : string.Empty) + text;
                        break;
                    }

                case 'o':
                    text = Convert.ToString(ParseLong(arg), 8);
                    break;
                case 'x':
                    text = ParseLong(arg).ToString("x", ci);
                    break;
                case 'X':
                    text = ParseLong(arg).ToString("X", ci);
                    break;
                case 'c':
                    text = arg.Length > 0 ? arg[..1] : string.Empty;
                    break;
                case 's':
                    text = precision >= 0 && arg.Length > precision ? arg[..precision] : arg;
                    break;
                case 'f' or 'F' or 'e' or 'E' or 'g' or 'G':
                    {
                        var d = double.TryParse(arg.Trim(), NumberStyles.Float, ci, out var v) ? v : 0;
                        var p = precision < 0 ? 6 : precision;
                        text = conversion switch
                        {
                            'f' or 'F' => d.ToString("F" + p.ToString(ci), ci),
                            'e' => d.ToString((p == 0 ? "0" : "0." + new string('0', p)) + "e+00", ci),
                            'E' => d.ToString((p == 0 ? "0" : "0." + new string('0', p)) + "E+00", ci),
                            _ => d.ToString("G" + Math.Max(p, 1).ToString(ci), ci),
                        };
                        if (d >= 0 && (plus || space))
                        {
                            text = (plus ? "+" : " ") + text;
                        }

                        break;
                    }

                default:
                    return FunctionResult.Fail($"SPRINTF: unsupported conversion '%{conversion}'");
            }

            if (text.Length < width)
            {
                text = left ? text.PadRight(width) : zero && conversion != 's' && conversion != 'c' ? PadZero(text, width) : text.PadLeft(width);
            }

            sb.Append(text);
        }

        return FunctionResult.Ok(sb.ToString());
    }

    private static int ReadNumber(string s, ref int i)
    {
        var n = 0;
        var any = false;
        while (i < s.Length && char.IsAsciiDigit(s[i]) && n < 10000)
        {
            n = (n * 10) + (s[i] - '0');
            i++;
            any = true;
        }

        return any ? n : 0;
    }

    private static long ParseLong(string s)
    {
        var t = s.Trim();
        if (long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && Math.Abs(d) < 9e18 ? (long)d : 0;
    }

    private static string PadZero(string text, int width)
    {
        var sign = text.Length > 0 && text[0] is '-' or '+' or ' ' ? text[..1] : string.Empty;
        return sign + text[sign.Length..].PadLeft(width - sign.Length, '0');
    }
}
