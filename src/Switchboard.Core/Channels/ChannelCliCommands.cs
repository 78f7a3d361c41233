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
                        c.BridgeId ?? string.Empty, c.UniqueId));
                }

                return;
            case "verbose":
                o.WriteLine(VerboseLine("Channel", "Context", "Extension", null, "State", "Application", "Data", "CallerID", "Duration", "Accountcode", "PeerAccount", "BridgeID"));
                foreach (var c in list)
                {
                    o.WriteLine(VerboseLine(c.Name, c.Context, c.Exten, c.Priority, c.StateText,
                        c.Application.Length > 0 ? c.Application : "(None)", c.ApplicationData.Length > 0 ? c.ApplicationData : "(Empty)", c.CallerId.Number,
                        Duration(c.Age), c.AccountCode, c.BridgedTo?.AccountCode ?? string.Empty, c.BridgeId ?? string.Empty));
                }

                Totals(channels, o, withChannels: true, count: list.Count);
                return;
            case "count":
                Totals(channels, o, withChannels: true, count: list.Count);
                return;
        }

        o.WriteLine(ListLine("Channel", "Location", "State", "Application(Data)"));
        foreach (var c in list)
        {
            var location = c.Exten.Length > 0 ? $"{c.Exten}@{c.Context}:{c.Priority}" : "(None)";
            var app = c.Application.Length > 0 ? $"{c.Application}({c.ApplicationData})" : "(None)";
            o.WriteLine(ListLine(c.Name, location, c.StateText, app));
        }

        Totals(channels, o, withChannels: true, count: list.Count);
    }

    /// <summary>A line of the plain listing: Channel 64, Location 32, State 7, Application(Data) 50 (each cut to its width).</summary>
    internal static string ListLine(string channel, string location, string state, string application)
    {
        var sb = new StringBuilder(156);
        Left(sb, channel, 64).Append(' ');
        Left(sb, location, 32).Append(' ');
        Left(sb, state, 7).Append(' ');
        return Left(sb, application, 50).ToString();
    }

    /// <summary>
    /// A line of the verbose listing as Asterisk 18.18+/20.3+ (so 22) prints it: Channel 80, Context 24, Extension 24,
    /// Priority 4, State 7, Application 12, Data 25, CallerID 15, Duration 8 (right-aligned), Accountcode 11,
    /// PeerAccount 11, BridgeID 20; every text field is cut to its width. The priority is a number right-aligned in 4
    /// (%4d); null writes the header, whose "Priority" is cut to "Prio".
    /// </summary>
    internal static string VerboseLine(string channel, string context, string exten, int? priority, string state, string application, string data, string callerId, string duration, string account, string peerAccount, string bridgeId)
    {
        var sb = new StringBuilder(240);
        Left(sb, channel, 80).Append(' ');
        Left(sb, context, 24).Append(' ');
        Left(sb, exten, 24).Append(' ');
        if (priority is int p)
        {
            sb.Append(p.ToString(CultureInfo.InvariantCulture).PadLeft(4)).Append(' ');
        }
        else
        {
            Left(sb, "Priority", 4).Append(' ');
        }

        Left(sb, state, 7).Append(' ');
        Left(sb, application, 12).Append(' ');
        Left(sb, data, 25).Append(' ');
        Left(sb, callerId, 15).Append(' ');
        Right(sb, duration, 8).Append(' ');
        Left(sb, account, 11).Append(' ');
        Left(sb, peerAccount, 11).Append(' ');
        return Left(sb, bridgeId, 20).ToString();
    }

    /// <summary>printf's %-N.Ns: at most <paramref name="width"/> characters, padded on the right.</summary>
    private static StringBuilder Left(StringBuilder sb, string value, int width)
    {
        var cut = value.Length > width ? value.AsSpan(0, width) : value.AsSpan();
        return sb.Append(cut).Append(' ', width - cut.Length);
    }

    /// <summary>printf's %N.Ns: at most <paramref name="width"/> characters, padded on the left.</summary>
    private static StringBuilder Right(StringBuilder sb, string value, int width)
    {
        var cut = value.Length > width ? value.AsSpan(0, width) : value.AsSpan();
        return sb.Append(' ', width - cut.Length).Append(cut);
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
