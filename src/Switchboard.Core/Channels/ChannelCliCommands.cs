using System.Globalization;
using System.Text;
using Switchboard.Core.Cli;

namespace Switchboard.Core.Channels;

/// <summary>The channel CLI commands in Asterisk's formats: core show channels [concise|verbose], core show calls, channel request hangup, pjsip show channels.</summary>
internal static class ChannelCliCommands
{
    public static void Register(CliCommandRegistry cli, ChannelRegistry channels, TimeProvider time, Func<string, Task<bool>> hangup)
    {
        cli.Register(CliCommand.Sync("core show channels", "Display information on channels", (args, o) => ShowChannels(channels, args, o), "Usage: core show channels [concise|verbose|count]"));
        cli.Register(CliCommand.Sync("core show calls", "Display information on calls", (_, o) => Totals(channels, o, withChannels: false)));
        cli.Register(CliCommand.Sync("pjsip show channels", "Lists PJSIP Channels", (_, o) => PjsipChannels(channels, o)));
        cli.Register(new CliCommand("channel request hangup", "Request a hangup on a given channel", async (args, o, _) =>
        {
            if (args.Count == 0)
            {
                o.WriteLine("Usage: channel request hangup <channel>|<all>");
                return 1;
            }

            if (args[0].Equals("all", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var c in channels.Snapshot())
                {
                    o.WriteLine($"Requested Hangup on channel '{c.Name}'");
                    await hangup(c.Name).ConfigureAwait(false);
                }

                return 0;
            }

            if (!await hangup(args[0]).ConfigureAwait(false))
            {
                o.WriteLine($"{args[0]} is not a known channel");
                return 1;
            }

            o.WriteLine($"Requested Hangup on channel '{args[0]}'");
            return 0;
        }, "Usage: channel request hangup <channel>|<all>"));
    }

    internal static void ShowChannels(ChannelRegistry channels, IReadOnlyList<string> args, TextWriter o)
    {
        var mode = args.Count > 0 ? args[0].ToLowerInvariant() : string.Empty;
        var list = channels.Snapshot();
        switch (mode)
        {
            case "concise":
                foreach (var c in list)
                {
                    o.WriteLine(string.Join('!', c.Name, c.Context, c.Exten, c.Priority.ToString(CultureInfo.InvariantCulture), c.StateText, c.Application, c.ApplicationData,
                        c.CallerId.Number, c.AccountCode, c.BridgedTo?.AccountCode ?? string.Empty, "3", ((long)c.Age.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                        c.BridgedTo?.Name ?? "(None)", c.UniqueId));
                }

                return;
            case "verbose":
                o.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-20} {1,-20} {2,-20} {3,-4} {4,-7} {5,-12} {6,-25} {7,-15} {8,-8} {9,-11} {10,-11} {11,-20}",
                    "Channel", "Context", "Extension", "Prio", "State", "Application", "Data", "CallerID", "Duration", "Accountcode", "PeerAccount", "BridgeID"));
                foreach (var c in list)
                {
                    o.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-20} {1,-20} {2,-20} {3,4} {4,-7} {5,-12} {6,-25} {7,-15} {8,-8} {9,-11} {10,-11} {11,-20}",
                        c.Name, c.Context, c.Exten, c.Priority, c.StateText, c.Application, c.ApplicationData, c.CallerId.Number, Duration(c.Age), c.AccountCode, c.BridgedTo?.AccountCode ?? string.Empty, c.BridgeId ?? string.Empty));
                }

                Totals(channels, o, withChannels: true, count: list.Count);
                return;
            case "count":
                Totals(channels, o, withChannels: true, count: list.Count);
                return;
        }

        o.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-64} {1,-32} {2,-7} {3,-50}", "Channel", "Location", "State", "Application(Data)"));
        foreach (var c in list)
        {
            var location = c.Exten.Length > 0 ? $"{c.Exten}@{c.Context}:{c.Priority}" : "(None)";
            var app = c.Application.Length > 0 ? $"{c.Application}({c.ApplicationData})" : "(None)";
            o.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-64} {1,-32} {2,-7} {3,-50}", c.Name, location, c.StateText, app));
        }

        Totals(channels, o, withChannels: true, count: list.Count);
    }

    private static void Totals(ChannelRegistry channels, TextWriter o, bool withChannels, int? count = null)
    {
        int n = count ?? channels.Count;
        int calls = 0;
        foreach (var c in channels.Snapshot())
        {
            if (c.Exten.Length > 0)
            {
                calls++;
            }
        }

        if (withChannels)
        {
            o.WriteLine($"{n} active channel{(n == 1 ? string.Empty : "s")}");
        }

        o.WriteLine($"{calls} active call{(calls == 1 ? string.Empty : "s")}");
        long processed = channels.CallsProcessed;
        o.WriteLine($"{processed} call{(processed == 1 ? string.Empty : "s")} processed");
    }

    private static void PjsipChannels(ChannelRegistry channels, TextWriter o)
    {
        o.WriteLine();
        o.WriteLine("  Channel.................................:  <ChannelId......................................>  <State.....>  <Time.....>");
        o.WriteLine("      Exten:  <DialedExten...........>  CLCID: <ConnectedLineCID.......>");
        o.WriteLine("==========================================================================================");
        o.WriteLine();
        int n = 0;
        foreach (var c in channels.Snapshot())
        {
            if (!c.Technology.Equals("PJSIP", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            n++;
            var app = c.Application.Length > 0 ? c.Application : "AppDial";
            o.WriteLine(string.Format(CultureInfo.InvariantCulture, "  Channel: {0,-56} {1,-12} {2}", c.Name + "/" + app, c.StateText, Duration(c.Age)));
            var peer = c.BridgedTo?.CallerId;
            o.WriteLine(string.Format(CultureInfo.InvariantCulture, "      Exten: {0,-24} CLCID: {1}", c.Exten, peer?.All ?? string.Empty));
            o.WriteLine();
        }

        o.WriteLine($"Objects found: {n}");
    }

    private static string Duration(TimeSpan t)
    {
        var sb = new StringBuilder();
        sb.Append(((int)t.TotalHours).ToString("00", CultureInfo.InvariantCulture)).Append(':')
          .Append(t.Minutes.ToString("00", CultureInfo.InvariantCulture)).Append(':')
          .Append(t.Seconds.ToString("00", CultureInfo.InvariantCulture));
        return sb.ToString();
    }
}
