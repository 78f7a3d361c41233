using System.Globalization;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;
using Switchboard.Dialplan.Timing;

namespace Switchboard.Dialplan.Functions;

/// <summary>STRFTIME([epoch][,timezone[,format]]): formats a Unix time (default now) in a zone (default local) with a strftime format (default <c>%c</c>).</summary>
internal sealed class StrftimeFunction : DialplanFunction
{
    public override string Name => "STRFTIME";

    public override FunctionResult Read(DialplanContext context, string args)
    {
        var a = AppArgs.Standard(args, 3);
        var now = context.Time.GetUtcNow();
        var epochText = AppArgs.At(a, 0).Trim();
        if (epochText.Length > 0)
        {
            if (!decimal.TryParse(epochText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var epoch)
                || epoch < -62135596800m || epoch > 253402300799m)
            {
                return FunctionResult.Fail($"STRFTIME: '{epochText}' is not a valid epoch");
            }

            var seconds = (long)decimal.Truncate(epoch);
            now = DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks((long)((epoch - seconds) * TimeSpan.TicksPerSecond));
        }

        var zone = context.Time.LocalTimeZone;
        var zoneName = AppArgs.At(a, 1).Trim();
        if (zoneName.Length > 0 && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneName, out zone))
        {
            return FunctionResult.Fail($"STRFTIME: unknown timezone '{zoneName}'");
        }

        var format = AppArgs.At(a, 2);
        if (format.Length == 0)
        {
            format = "%c";
        }

        var local = TimeZoneInfo.ConvertTime(now, zone!);
        var abbreviation = zone!.Id == "UTC" || zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime ? "UTC" : (zone.IsDaylightSavingTime(local) ? zone.DaylightName : zone.StandardName);
        return FunctionResult.Ok(Strftime.Format(local, format, abbreviation));
    }
}
