using System.Globalization;
using System.Text;

namespace Switchboard.Core.Cdr;

/// <summary>
/// One Master.csv line in cdr_csv's column order: accountcode, src, dst, dcontext, clid, channel, dstchannel,
/// lastapp, lastdata, start, answer, end, duration, billsec, disposition, amaflags[, uniqueid][, userfield].
/// Text and times are double-quoted with inner quotes doubled; duration and billsec are bare numbers; times are
/// <c>yyyy-MM-dd HH:mm:ss</c> in local time (UTC with usegmtime), empty when unset.
/// </summary>
public static class CdrCsvFormatter
{
    public static string Format(CdrRecord record, CdrConfig config, TimeZoneInfo localZone)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(config);
        var sb = new StringBuilder(256);
        Text(sb, record.AccountCode);
        Text(sb, record.Source);
        Text(sb, record.Destination);
        Text(sb, record.DestinationContext);
        Text(sb, record.CallerId);
        Text(sb, record.Channel);
        Text(sb, record.DestinationChannel);
        Text(sb, record.LastApplication);
        Text(sb, record.LastData);
        Text(sb, Time(record.Start, config, localZone));
        Text(sb, record.Answer is { } a ? Time(a, config, localZone) : string.Empty);
        Text(sb, Time(record.End, config, localZone));
        sb.Append(record.Duration.ToString(CultureInfo.InvariantCulture)).Append(',');
        sb.Append(record.BillSeconds.ToString(CultureInfo.InvariantCulture)).Append(',');
        Text(sb, record.Disposition);
        Text(sb, record.AmaFlags);
        if (config.LogUniqueId)
        {
            Text(sb, record.UniqueId);
        }

        if (config.LogUserField)
        {
            Text(sb, record.UserField);
        }

        sb.Length--; // the last comma
        sb.Append('\n');
        return sb.ToString();
    }

    private static string Time(DateTimeOffset t, CdrConfig config, TimeZoneInfo localZone)
    {
        var shown = config.UseGmtTime ? t.ToUniversalTime() : TimeZoneInfo.ConvertTime(t, localZone);
        return shown.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }

    private static void Text(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (var c in value)
        {
            if (c == '"')
            {
                sb.Append('"');
            }

            sb.Append(c is '\r' or '\n' ? ' ' : c);
        }

        sb.Append("\",");
    }
}
