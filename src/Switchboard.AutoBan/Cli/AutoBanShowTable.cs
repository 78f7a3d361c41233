using System.Globalization;
using Switchboard.AutoBan.Configuration;
using Switchboard.AutoBan.Policy;

namespace Switchboard.AutoBan.Cli;

/// <summary>
/// The <c>autoban show</c> table: columns addr (15) and watch, jail, parole, blacklist, whitelist (13 each), all
/// right-aligned; timed cells show the REMAINING time (<c>19m57s</c>), black/whitelist cells <c>X</c>; the last
/// row counts each column.
/// </summary>
internal static class AutoBanShowTable
{
    public static void Write(TextWriter output, IReadOnlyList<OffenderView> rows)
    {
        output.WriteLine(Line("addr", "watch", "jail", "parole", "blacklist", "whitelist"));
        int watch = 0, jail = 0, parole = 0, black = 0, white = 0;
        foreach (var r in rows)
        {
            output.WriteLine(Line(
                r.Address.ToString(),
                Time(r.WatchRemaining, ref watch),
                Time(r.JailRemaining, ref jail),
                Time(r.ParoleRemaining, ref parole),
                Mark(r.Blacklisted, ref black),
                Mark(r.Whitelisted, ref white)));
        }

        output.WriteLine(Line("", Count(watch), Count(jail), Count(parole), Count(black), Count(white)));
    }

    private static string Line(string addr, string watch, string jail, string parole, string black, string white)
        => string.Create(CultureInfo.InvariantCulture, $"{addr,15}{watch,13}{jail,13}{parole,13}{black,13}{white,13}");

    private static string Time(TimeSpan? remaining, ref int count)
    {
        if (remaining is not { } r)
        {
            return "";
        }

        count++;
        return DurationSyntax.Format(r);
    }

    private static string Mark(bool member, ref int count)
    {
        if (!member)
        {
            return "";
        }

        count++;
        return "X";
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
