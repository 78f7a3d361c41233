using System.Globalization;

namespace Switchboard.Dialplan.Agi;

/// <summary>
/// Where an AGI script runs: a local program (absolute, or relative to the AGI directory) or a FastAGI server
/// given as <c>agi://host[:port][/script[?query]]</c> (default port 4573).
/// </summary>
internal sealed record AgiTarget(string Request, bool IsNetwork, string Program, string Host, int Port, string Script)
{
    /// <summary>The FastAGI port when the URI names none.</summary>
    public const int DefaultPort = 4573;

    /// <summary>Parses the first argument of AGI(); false with a reason when it cannot be used.</summary>
    public static bool TryParse(string request, string agiDirectory, out AgiTarget target, out string error)
    {
        ArgumentNullException.ThrowIfNull(request);
        target = new AgiTarget(request, false, string.Empty, string.Empty, 0, string.Empty);
        error = string.Empty;
        var text = request.Trim();
        if (text.Length == 0)
        {
            error = "AGI requires an argument (script)";
            return false;
        }

        if (!text.StartsWith("agi://", StringComparison.OrdinalIgnoreCase))
        {
            var program = Path.IsPathRooted(text) ? text : Path.Combine(agiDirectory, text);
            target = target with { Program = program };
            return true;
        }

        var rest = text["agi://".Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? rest : rest[..slash];
        var script = slash < 0 ? string.Empty : rest[(slash + 1)..];
        if (!TrySplitAuthority(authority, out var host, out var port))
        {
            error = $"bad FastAGI address '{authority}' in '{text}'";
            return false;
        }

        target = target with { IsNetwork = true, Host = host, Port = port, Script = script };
        return true;
    }

    private static bool TrySplitAuthority(string authority, out string host, out int port)
    {
        port = DefaultPort;
        host = authority;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            host = authority[1..close];
            var after = authority[(close + 1)..];
            if (after.Length > 0)
            {
                if (after[0] != ':' || !TryPort(after[1..], out port))
                {
                    return false;
                }
            }

            return host.Length > 0;
        }

        var colon = authority.LastIndexOf(':');
        if (colon >= 0)
        {
            host = authority[..colon];
            if (!TryPort(authority[(colon + 1)..], out port))
            {
                return false;
            }
        }

        return host.Length > 0;
    }

    private static bool TryPort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and < 65536;
}
