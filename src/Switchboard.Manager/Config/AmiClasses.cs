using System.Text;

namespace Switchboard.Manager.Config;

/// <summary>Parses and prints class lists as Asterisk does (<c>system,call,log</c>; <c>all</c>; <c>none</c>).</summary>
public static class AmiClasses
{
    private static readonly (AmiClass Class, string Name)[] Names =
    [
        (AmiClass.System, "system"), (AmiClass.Call, "call"), (AmiClass.Log, "log"), (AmiClass.Verbose, "verbose"),
        (AmiClass.Command, "command"), (AmiClass.Agent, "agent"), (AmiClass.User, "user"), (AmiClass.Config, "config"),
        (AmiClass.Dtmf, "dtmf"), (AmiClass.Reporting, "reporting"), (AmiClass.Cdr, "cdr"), (AmiClass.Dialplan, "dialplan"),
        (AmiClass.Originate, "originate"), (AmiClass.Agi, "agi"), (AmiClass.Cc, "cc"), (AmiClass.Aoc, "aoc"),
        (AmiClass.Test, "test"), (AmiClass.Security, "security"), (AmiClass.Message, "message"),
    ];

    /// <summary>Parses a comma separated list; names it does not know are returned in <paramref name="unknown"/>.</summary>
    public static AmiClass Parse(string list, List<string>? unknown = null)
    {
        var result = AmiClass.None;
        foreach (var raw in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw.Equals("all", StringComparison.OrdinalIgnoreCase))
            {
                result |= AmiClass.All;
            }
            else if (raw.Equals("none", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            else if (TryParseOne(raw, out var c))
            {
                result |= c;
            }
            else
            {
                unknown?.Add(raw);
            }
        }

        return result;
    }

    public static bool TryParseOne(string name, out AmiClass value)
    {
        foreach (var (c, n) in Names)
        {
            if (n.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                value = c;
                return true;
            }
        }

        value = AmiClass.None;
        return false;
    }

    /// <summary>Prints a class set: <c>system,call</c>; <c>&lt;none&gt;</c> when empty.</summary>
    public static string Format(AmiClass classes)
    {
        if (classes == AmiClass.None)
        {
            return "<none>";
        }

        var sb = new StringBuilder();
        foreach (var (c, n) in Names)
        {
            if ((classes & c) != 0)
            {
                if (sb.Length > 0)
                {
                    sb.Append(',');
                }

                sb.Append(n);
            }
        }

        return sb.ToString();
    }

    /// <summary>The Privilege header of an event of that class: <c>security,all</c>.</summary>
    public static string Privilege(AmiClass classes) => classes == AmiClass.None ? "all" : Format(classes) + ",all";
}
