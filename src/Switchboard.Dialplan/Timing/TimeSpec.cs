namespace Switchboard.Dialplan.Timing;

/// <summary>
/// Asterisk's time specification <c>times,weekdays,mdays,months[,timezone]</c> used by GotoIfTime, IFTIME,
/// ExecIfTime and time-limited includes. Each field is <c>*</c>, a value, a range (wrapping allowed, e.g.
/// <c>fri-mon</c>, <c>22:00-06:00</c>) or several joined with <c>&amp;</c>. Time ranges are in minutes and
/// include the end minute. Fields may also be separated by <c>|</c> (old syntax).
/// </summary>
public sealed class TimeSpec
{
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private readonly bool[] _minutes;
    private readonly bool[] _weekdays;
    private readonly bool[] _monthDays;
    private readonly bool[] _months;

    private TimeSpec(string text, bool[] minutes, bool[] weekdays, bool[] monthDays, bool[] months, TimeZoneInfo? zone)
    {
        Text = text;
        _minutes = minutes;
        _weekdays = weekdays;
        _monthDays = monthDays;
        _months = months;
        TimeZone = zone;
    }

    /// <summary>The specification as written.</summary>
    public string Text { get; }

    /// <summary>The zone named in the fifth field, or null for the server's local zone.</summary>
    public TimeZoneInfo? TimeZone { get; }

    /// <summary>Parses a specification; returns false with a reason when a field is not understood.</summary>
    public static bool TryParse(string text, out TimeSpec spec, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        spec = null!;
        var fields = text.Split(text.Contains('|', StringComparison.Ordinal) ? '|' : ',');
        string Field(int i) => i < fields.Length ? fields[i].Trim() : "*";

        var minutes = new bool[24 * 60];
        var weekdays = new bool[7];
        var monthDays = new bool[32];
        var months = new bool[12];
        if (!TryParseTimes(Field(0), minutes, out error)
            || !TryParseNamed(Field(1), DayNames, weekdays, "weekday", out error)
            || !TryParseDays(Field(2), monthDays, out error)
            || !TryParseNamed(Field(3), MonthNames, months, "month", out error))
        {
            return false;
        }

        TimeZoneInfo? zone = null;
        var zoneName = fields.Length > 4 ? fields[4].Trim() : string.Empty;
        if (zoneName.Length > 0 && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneName, out zone))
        {
            error = $"unknown timezone '{zoneName}'";
            return false;
        }

        spec = new TimeSpec(text, minutes, weekdays, monthDays, months, zone);
        return true;
    }

    /// <summary>True when the instant falls inside the specification (in its zone, or in <paramref name="localZone"/>).</summary>
    public bool Matches(DateTimeOffset now, TimeZoneInfo localZone)
    {
        ArgumentNullException.ThrowIfNull(localZone);
        var t = TimeZoneInfo.ConvertTime(now, TimeZone ?? localZone);
        return _months[t.Month - 1] && _monthDays[t.Day] && _weekdays[(int)t.DayOfWeek] && _minutes[(t.Hour * 60) + t.Minute];
    }

    /// <summary>True when the specification holds at the time provider's current time.</summary>
    public bool Matches(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return Matches(time.GetUtcNow(), time.LocalTimeZone);
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static bool TryParseTimes(string field, bool[] mask, out string? error)
    {
        error = null;
        if (field.Length == 0 || field == "*")
        {
            Array.Fill(mask, true);
            return true;
        }

        foreach (var part in field.Split('&'))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            var startText = dash < 0 ? part : part[..dash];
            var endText = dash < 0 ? part : part[(dash + 1)..];
            if (!TryParseClock(startText, out var start) || !TryParseClock(endText, out var end))
            {
                error = $"invalid time range '{part}' (expected hh:mm-hh:mm)";
                return false;
            }

            FillWrapping(mask, start, end);
        }

        return true;
    }

    private static bool TryParseClock(string text, out int minuteOfDay)
    {
        minuteOfDay = 0;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0
            || !int.TryParse(text.AsSpan(0, colon).Trim(), out var h)
            || !int.TryParse(text.AsSpan(colon + 1).Trim(), out var m)
            || h < 0 || h > 23 || m < 0 || m > 59)
        {
            return false;
        }

        minuteOfDay = (h * 60) + m;
        return true;
    }

    private static bool TryParseDays(string field, bool[] mask, out string? error)
    {
        error = null;
        if (field.Length == 0 || field == "*")
        {
            Array.Fill(mask, true);
            return true;
        }

        foreach (var part in field.Split('&'))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            var startText = dash < 0 ? part : part[..dash];
            var endText = dash < 0 ? part : part[(dash + 1)..];
            if (!int.TryParse(startText.Trim(), out var start) || !int.TryParse(endText.Trim(), out var end)
                || start < 1 || start > 31 || end < 1 || end > 31)
            {
                error = $"invalid day of month '{part}' (expected 1-31)";
                return false;
            }

            for (var d = start; ; d = d == 31 ? 1 : d + 1)
            {
                mask[d] = true;
                if (d == end)
                {
                    break;
                }
            }
        }

        return true;
    }

    private static bool TryParseNamed(string field, string[] names, bool[] mask, string what, out string? error)
    {
        error = null;
        if (field.Length == 0 || field == "*")
        {
            Array.Fill(mask, true);
            return true;
        }

        foreach (var part in field.Split('&'))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            var start = IndexOfName(names, dash < 0 ? part : part[..dash]);
            var end = IndexOfName(names, dash < 0 ? part : part[(dash + 1)..]);
            if (start < 0 || end < 0)
            {
                error = $"invalid {what} '{part}'";
                return false;
            }

            for (var i = start; ; i = (i + 1) % names.Length)
            {
                mask[i] = true;
                if (i == end)
                {
                    break;
                }
            }
        }

        return true;
    }

    private static int IndexOfName(string[] names, string text)
    {
        var t = text.Trim();
        if (t.Length < 3)
        {
            return -1;
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (t.StartsWith(names[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static void FillWrapping(bool[] mask, int start, int end)
    {
        for (var m = start; ; m = (m + 1) % mask.Length)
        {
            mask[m] = true;
            if (m == end)
            {
                break;
            }
        }
    }
}
