using System.Globalization;

namespace Switchboard.Dialplan.Execution;

/// <summary>
/// Variables Asterisk computes instead of storing; they are looked up before channel variables, so setting
/// a channel variable called EXTEN does not hide the real one.
/// </summary>
internal static class BuiltinVariables
{
    public static bool TryGet(DialplanContext context, string name, out string value)
    {
        switch (name)
        {
            case "EXTEN":
                value = context.Exten;
                return true;
            case "CONTEXT":
                value = context.Context;
                return true;
            case "PRIORITY":
                value = context.Priority.ToString(CultureInfo.InvariantCulture);
                return true;
            case "CHANNEL":
                value = context.Channel.Name;
                return true;
            case "UNIQUEID":
                value = context.Channel.UniqueId;
                return true;
            case "HANGUPCAUSE":
                value = context.Channel.HangupCause.ToString(CultureInfo.InvariantCulture);
                return true;
            case "LANGUAGE":
                value = context.Channel.Language;
                return true;
            case "EPOCH":
                value = context.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                return true;
            case "SYSTEMNAME":
                value = context.Engine.Options.SystemName;
                return true;
            case "HINT":
                value = context.Dialplan.FindHint(context.Context, context.Exten, context.Time) ?? string.Empty;
                return true;
            case "HINTNAME":
                value = string.Empty;
                return true;
            default:
                value = string.Empty;
                return false;
        }
    }
}
