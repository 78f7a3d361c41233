namespace Switchboard.Core.Pjsip.Calls;

/// <summary>
/// Dial()'s arguments: <c>Tech/resource[&amp;Tech/resource...][,timeout[,options[,url]]]</c>. PJSIP resources are
/// <c>endpoint</c>, <c>number@endpoint</c> or <c>endpoint/sip:uri</c> (as PJSIP_DIAL_CONTACTS gives them).
/// </summary>
internal sealed class DialString
{
    public List<(string Technology, string Resource)> Devices { get; } = [];

    /// <summary>Ring timeout; null rings until answered or cancelled.</summary>
    public TimeSpan? Timeout { get; private set; }

    public string Options { get; private set; } = string.Empty;

    public bool HasOption(char option) => Options.Contains(option, StringComparison.Ordinal);

    public static bool TryParse(string args, out DialString dial, out string? error)
    {
        dial = new DialString();
        error = null;
        var parts = args.Split(',');
        foreach (var raw in parts[0].Split('&'))
        {
            var device = raw.Trim();
            if (device.Length == 0)
            {
                continue;
            }

            int slash = device.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0 || slash == device.Length - 1)
            {
                error = $"Dial: bad device '{device}' (expected Technology/Resource)";
                return false;
            }

            dial.Devices.Add((device[..slash], device[(slash + 1)..]));
        }

        if (dial.Devices.Count == 0)
        {
            error = "Dial requires an argument (Technology/Resource)";
            return false;
        }

        if (parts.Length > 1 && parts[1].Trim().Length > 0)
        {
            if (double.TryParse(parts[1].Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
            {
                dial.Timeout = TimeSpan.FromSeconds(seconds);
            }
        }

        if (parts.Length > 2)
        {
            dial.Options = parts[2].Trim();
        }

        return true;
    }
}
