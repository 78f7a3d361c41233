using System.Globalization;

namespace Switchboard.Dialplan.Expressions;

/// <summary>
/// Number parsing and printing for expressions. Asterisk computes in long double and prints with
/// <c>%.18Lg</c>; decimal gives the same digits for the values dialplans use (phone numbers stay exact).
/// </summary>
internal static class ExprNumber
{
    /// <summary>Largest magnitude an operation may produce before it is reported as an overflow.</summary>
    public const double Limit = 7.9e27;

    /// <summary>Parses the longest numeric prefix like strtod: optional sign, digits, optional fraction. "-" alone is 0.</summary>
    public static bool TryParsePrefix(ReadOnlySpan<char> s, out decimal value)
    {
        var i = 0;
        while (i < s.Length && (s[i] == ' ' || s[i] == '\t'))
        {
            i++;
        }

        var start = i;
        if (i < s.Length && (s[i] == '-' || s[i] == '+'))
        {
            i++;
        }

        var digitsStart = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        var intDigits = i - digitsStart;
        var fracDigits = 0;
        if (i < s.Length && s[i] == '.')
        {
            var dot = i;
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            fracDigits = i - dot - 1;
            if (fracDigits == 0)
            {
                i = dot;
            }
        }

        if (intDigits == 0 && fracDigits == 0)
        {
            value = 0m;
            return true;
        }

        return decimal.TryParse(s[start..i], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Formats like C's <c>%.18g</c>: 18 significant digits, trailing zeros removed, exponent form when very large or small.</summary>
    public static string Format(decimal v)
    {
        if (v == 0m)
        {
            return "0";
        }

        var abs = Math.Abs(v);
        int exponent;
        if (abs >= 1m)
        {
            exponent = -1;
            for (var x = decimal.Truncate(abs); x >= 1m; x = decimal.Truncate(x / 10m))
            {
                exponent++;
            }
        }
        else
        {
            exponent = -1;
            var x = abs * 10m;
            while (x < 1m)
            {
                x *= 10m;
                exponent--;
            }
        }

        if (exponent < -4 || exponent >= 18)
        {
            return ((double)v).ToString("0.#################e+00", CultureInfo.InvariantCulture);
        }

        var places = Math.Clamp(17 - exponent, 0, 28);
        var rounded = Math.Round(v, places, MidpointRounding.ToEven);
        return rounded.ToString("0.############################", CultureInfo.InvariantCulture);
    }

    /// <summary>True when the result of an operation stays within range (checked in double before computing in decimal).</summary>
    public static bool InRange(double approx) => !double.IsNaN(approx) && Math.Abs(approx) < Limit;
}
