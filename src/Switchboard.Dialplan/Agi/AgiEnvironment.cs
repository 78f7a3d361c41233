using System.Globalization;
using System.Text;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Agi;

/// <summary>Writes the <c>agi_*</c> block a script reads first: one <c>name: value</c> per line, then an empty line.</summary>
internal static class AgiEnvironment
{
    /// <summary>Version announced in <c>agi_version</c>.</summary>
    public const string Version = "switchboard-1.0";

    public static string Build(DialplanContext context, AgiTarget target, IReadOnlyList<string> args)
    {
        var channel = context.Channel;
        var caller = channel.CallerId;
        var sb = new StringBuilder(512);
        if (target.IsNetwork)
        {
            Add(sb, "agi_network", "yes");
            Add(sb, "agi_network_script", target.Script);
        }

        Add(sb, "agi_request", target.Request);
        Add(sb, "agi_channel", channel.Name);
        Add(sb, "agi_language", channel.Language);
        var slash = channel.Name.IndexOf('/', StringComparison.Ordinal);
        Add(sb, "agi_type", slash > 0 ? channel.Name[..slash] : channel.Name);
        Add(sb, "agi_uniqueid", channel.UniqueId);
        Add(sb, "agi_version", Version);
        Add(sb, "agi_callerid", OrUnknown(caller.Number));
        Add(sb, "agi_calleridname", OrUnknown(caller.Name));
        Add(sb, "agi_callingpres", "0");
        Add(sb, "agi_callingani2", "0");
        Add(sb, "agi_callington", "0");
        Add(sb, "agi_callingtns", "0");
        Add(sb, "agi_dnid", OrUnknown(caller.Dnid));
        Add(sb, "agi_rdnis", OrUnknown(caller.Rdnis));
        Add(sb, "agi_context", context.Context);
        Add(sb, "agi_extension", context.Exten);
        Add(sb, "agi_priority", context.Priority.ToString(CultureInfo.InvariantCulture));
        Add(sb, "agi_enhanced", "0.0");
        Add(sb, "agi_accountcode", channel.ReadItem("accountcode") ?? string.Empty);
        Add(sb, "agi_threadid", Environment.CurrentManagedThreadId.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < args.Count; i++)
        {
            Add(sb, "agi_arg_" + (i + 1).ToString(CultureInfo.InvariantCulture), args[i]);
        }

        sb.Append('\n');
        return sb.ToString();
    }

    private static string OrUnknown(string value) => value.Length == 0 ? "unknown" : value;

    /// <summary>A value may not break the line protocol: line breaks become spaces.</summary>
    private static void Add(StringBuilder sb, string name, string value)
    {
        sb.Append(name).Append(": ");
        foreach (var c in value)
        {
            sb.Append(c is '\r' or '\n' ? ' ' : c);
        }

        sb.Append('\n');
    }
}
