using System.Globalization;
using System.Text;

namespace Switchboard.AutoBan.Configuration;

/// <summary>
/// AutoBan's time syntax: plain seconds (<c>1200</c>, <c>90.5</c>) or units <c>d h m s</c> in that order, each at
/// most once (<c>20m</c>, <c>1d2h3m4s</c>). Formatting writes whole seconds the same way (<c>20m3s</c>, <c>0s</c>).
/// </summary>
public static class DurationSyntax
{
    /// <summary>Largest time AutoBan keeps (as the reference: 99,999,999 s, about 3.2 years).</summary>
    public static readonly TimeSpan Max = TimeSpan.FromSeconds(99_999_999);

    private static readonly (char Unit, long Seconds)[] Units = [('d', 86_400), ('h', 3_600), ('m', 60), ('s', 1)];

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out TimeSpan value, out string error)
    {
        value = default;
        text = text.Trim();
        if (text.IsEmpty)
        {
            error = "empty time";
            return false;
        }

        if (char.IsAsciiDigit(text[^1]) || text[^1] == '.')
        {
            if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double seconds)
                || double.IsNaN(seconds) || seconds > Max.TotalSeconds)
            {
                error = $"'{text}' is not a number of seconds (at most {Max.TotalSeconds:0})";
                return false;
            }

            value = TimeSpan.FromSeconds(seconds);
            error = "";
            return true;
        }

        long total = 0;
        int nextUnit = 0;
        int i = 0;
        while (i < text.Length)
        {
            int start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == start || i == text.Length || i - start > 9)
            {
                error = $"'{text}' is not a time like 20m or 1d2h3m4s";
                return false;
            }

            long number = long.Parse(text[start..i], NumberStyles.None, CultureInfo.InvariantCulture);
            char unit = char.ToLowerInvariant(text[i++]);
            int u = nextUnit;
            while (u < Units.Length && Units[u].Unit != unit)
            {
                u++;
            }

            if (u == Units.Length)
            {
                error = $"'{text}': unit '{unit}' unknown or out of order (use d, h, m, s in that order)";
                return false;
            }

            nextUnit = u + 1;
            total += number * Units[u].Seconds;
        }

        if (total > (long)Max.TotalSeconds)
        {
            error = $"'{text}' is longer than {Format(Max)}";
            return false;
        }

        value = TimeSpan.FromSeconds(total);
        error = "";
        return true;
    }

    /// <summary>Formats whole seconds (rounded up) as <c>1d2h3m4s</c>; zero is <c>0s</c>.</summary>
    public static string Format(TimeSpan value)
    {
        long seconds = CeilingSeconds(value);
        if (seconds <= 0)
        {
            return "0s";
        }

        var sb = new StringBuilder(16);
        foreach (var (unit, scale) in Units)
        {
            long n = seconds / scale;
            if (n > 0)
            {
                sb.Append(n.ToString(CultureInfo.InvariantCulture)).Append(unit);
                seconds -= n * scale;
            }
        }

        return sb.ToString();
    }

    /// <summary>Whole seconds, rounded up (a remaining 0.2 s is still 1 s).</summary>
    public static long CeilingSeconds(TimeSpan value)
        => value <= TimeSpan.Zero ? 0 : (value.Ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond;
}
