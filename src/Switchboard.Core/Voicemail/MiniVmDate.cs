using System.Globalization;
using System.Text;
using Switchboard.Dialplan.Timing;

namespace Switchboard.Core.Voicemail;

/// <summary>
/// ${MVM_DATE} as MiniVM writes it: the time of the message in the account's time zone (its <c>timezone</c> names a
/// [zonemessages] entry or a zone itself; else [general] timezone; else the server's zone), formatted with the
/// template's strftime <c>dateformat</c> and the day and month names of its <c>locale</c>.
/// </summary>
public static class MiniVmDate
{
    /// <summary>MiniVM's default dateformat.</summary>
    public const string DefaultFormat = "%A, %B %d, %Y at %r";

    /// <summary>Formats <paramref name="time"/> (already in the wanted zone) with locale names for %a %A %b %B %h.</summary>
    public static string Format(DateTimeOffset time, string format, string? locale, string zoneAbbreviation)
    {
        ArgumentNullException.ThrowIfNull(format);
        MiniVmLocale.TryGet(locale, out var names);
        var sb = new StringBuilder(format.Length * 2);
        int run = 0;
        for (int i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 >= format.Length)
            {
                continue;
            }

            string? name = format[i + 1] switch
            {
                'a' => names.ShortDays[(int)time.DayOfWeek],
                'A' => names.Days[(int)time.DayOfWeek],
                'b' or 'h' => names.ShortMonths[time.Month - 1],
                'B' => names.Months[time.Month - 1],
                _ => null,
            };
            if (name is null)
            {
                i++;
                continue;
            }

            sb.Append(Strftime.Format(time, format[run..i], zoneAbbreviation)).Append(name);
            i++;
            run = i + 1;
        }

        sb.Append(Strftime.Format(time, format[run..], zoneAbbreviation));
        return sb.ToString();
    }

    /// <summary>The zone for a name: an IANA/Windows id, or UTC for "UTC"/"GMT"; null when unknown.</summary>
    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        string name = id.Trim();
        if (name.Equals("UTC", StringComparison.OrdinalIgnoreCase) || name.Equals("GMT", StringComparison.OrdinalIgnoreCase))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The time in <paramref name="zone"/> (null = the server's local zone) and the zone's %Z text.</summary>
    public static (DateTimeOffset Local, string Abbreviation) InZone(DateTimeOffset time, TimeZoneInfo? zone)
    {
        zone ??= TimeZoneInfo.Local;
        var local = TimeZoneInfo.ConvertTime(time, zone);
        return (local, Abbreviation(zone, local));
    }

    /// <summary>%Z: "UTC" for UTC, the zone's short name where the system has one, else the offset as glibc prints unnamed zones (+01).</summary>
    internal static string Abbreviation(TimeZoneInfo zone, DateTimeOffset local)
    {
        if (local.Offset == TimeSpan.Zero && (zone == TimeZoneInfo.Utc || zone.Id is "UTC" or "Etc/UTC" or "Etc/GMT" or "GMT" or "Universal" or "Zulu"))
        {
            return "UTC";
        }

        string name = zone.IsDaylightSavingTime(local) ? zone.DaylightName : zone.StandardName;
        if (name.Length is > 0 and <= 6 && !name.Contains(' ', StringComparison.Ordinal))
        {
            return name;
        }

        var o = local.Offset;
        string sign = o < TimeSpan.Zero ? "-" : "+";
        o = o.Duration();
        return o.Minutes == 0
            ? sign + o.Hours.ToString("D2", CultureInfo.InvariantCulture)
            : sign + o.Hours.ToString("D2", CultureInfo.InvariantCulture) + o.Minutes.ToString("D2", CultureInfo.InvariantCulture);
    }
}
