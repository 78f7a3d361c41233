using System.Globalization;
using System.Text;

namespace Switchboard.Dialplan.Timing;

/// <summary>
/// C strftime formatting for STRFTIME() (English names, as in the C locale): <c>%a %A %b %B %c %C %d %D %e
/// %F %g %G %h %H %I %j %k %l %m %M %n %p %P %r %R %s %S %t %T %u %V %w %y %Y %z %Z %%</c>, and Asterisk's
/// <c>%1q</c>..<c>%6q</c> fractions of a second.
/// </summary>
public static class Strftime
{
    /// <summary>Formats <paramref name="time"/> (already converted to the wanted zone).</summary>
    public static string Format(DateTimeOffset time, string format, string zoneAbbreviation)
    {
        ArgumentNullException.ThrowIfNull(format);
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder(format.Length * 2);
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c != '%' || i + 1 >= format.Length)
            {
                sb.Append(c);
                continue;
            }

            var f = format[++i];
            if (f is >= '1' and <= '9' && i + 1 < format.Length && format[i + 1] == 'q')
            {
                var digits = Math.Min(f - '0', 7);
                var fraction = (time.Ticks % TimeSpan.TicksPerSecond).ToString("D7", ci);
                sb.Append(fraction, 0, digits);
                i++;
                continue;
            }

            switch (f)
            {
                case 'a': sb.Append(time.ToString("ddd", ci)); break;
                case 'A': sb.Append(time.ToString("dddd", ci)); break;
                case 'b' or 'h': sb.Append(time.ToString("MMM", ci)); break;
                case 'B': sb.Append(time.ToString("MMMM", ci)); break;
                case 'c': sb.Append(time.ToString("ddd MMM ", ci)).Append(time.Day.ToString(ci).PadLeft(2)).Append(time.ToString(" HH:mm:ss yyyy", ci)); break;
                case 'C': sb.Append((time.Year / 100).ToString("D2", ci)); break;
                case 'd': sb.Append(time.Day.ToString("D2", ci)); break;
                case 'D': sb.Append(time.ToString("MM/dd/yy", ci)); break;
                case 'e': sb.Append(time.Day.ToString(ci).PadLeft(2)); break;
                case 'F': sb.Append(time.ToString("yyyy-MM-dd", ci)); break;
                case 'G': sb.Append(ISOWeek.GetYear(time.DateTime).ToString(ci)); break;
                case 'g': sb.Append((ISOWeek.GetYear(time.DateTime) % 100).ToString("D2", ci)); break;
                case 'H': sb.Append(time.Hour.ToString("D2", ci)); break;
                case 'I': sb.Append(Hour12(time).ToString("D2", ci)); break;
                case 'j': sb.Append(time.DayOfYear.ToString("D3", ci)); break;
                case 'k': sb.Append(time.Hour.ToString(ci).PadLeft(2)); break;
                case 'l': sb.Append(Hour12(time).ToString(ci).PadLeft(2)); break;
                case 'm': sb.Append(time.Month.ToString("D2", ci)); break;
                case 'M': sb.Append(time.Minute.ToString("D2", ci)); break;
                case 'n': sb.Append('\n'); break;
                case 'p': sb.Append(time.Hour < 12 ? "AM" : "PM"); break;
                case 'P': sb.Append(time.Hour < 12 ? "am" : "pm"); break;
                case 'r': sb.Append(Hour12(time).ToString("D2", ci)).Append(time.ToString(":mm:ss ", ci)).Append(time.Hour < 12 ? "AM" : "PM"); break;
                case 'R': sb.Append(time.ToString("HH:mm", ci)); break;
                case 's': sb.Append(time.ToUnixTimeSeconds().ToString(ci)); break;
                case 'S': sb.Append(time.Second.ToString("D2", ci)); break;
                case 't': sb.Append('\t'); break;
                case 'T': sb.Append(time.ToString("HH:mm:ss", ci)); break;
                case 'u': sb.Append(time.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)time.DayOfWeek); break;
                case 'V': sb.Append(ISOWeek.GetWeekOfYear(time.DateTime).ToString("D2", ci)); break;
                case 'w': sb.Append((int)time.DayOfWeek); break;
                case 'y': sb.Append((time.Year % 100).ToString("D2", ci)); break;
                case 'Y': sb.Append(time.Year.ToString(ci)); break;
                case 'z':
                    {
                        var offset = time.Offset;
                        sb.Append(offset < TimeSpan.Zero ? '-' : '+').Append(Math.Abs(offset.Hours).ToString("D2", ci)).Append(Math.Abs(offset.Minutes).ToString("D2", ci));
                        break;
                    }

                case 'Z': sb.Append(zoneAbbreviation); break;
                case '%': sb.Append('%'); break;
                default: sb.Append('%').Append(f); break;
            }
        }

        return sb.ToString();
    }

    private static int Hour12(DateTimeOffset time) => time.Hour % 12 == 0 ? 12 : time.Hour % 12;
}
