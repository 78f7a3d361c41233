namespace Switchboard.Core.Messaging;

/// <summary>Turns the From the dialplan set (a number, a user@host, a URI or a name-addr) into display name and URI.</summary>
internal static class FromHeader
{
    public static (string? Display, string Uri) Build(string from, string localHost)
    {
        from = from.Trim();
        if (from.Length == 0)
        {
            return (null, "sip:asterisk@" + localHost);
        }

        int lt = from.IndexOf('<', StringComparison.Ordinal);
        int gt = from.LastIndexOf('>');
        if (lt >= 0 && gt > lt)
        {
            var display = from[..lt].Trim().Trim('"');
            var inner = from[(lt + 1)..gt].Trim();
            return (display.Length == 0 ? null : display, Build(inner, localHost).Uri);
        }

        if (from.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || from.StartsWith("sips:", StringComparison.OrdinalIgnoreCase))
        {
            return (null, from.Contains('@', StringComparison.Ordinal) ? from : InsertHost(from, localHost));
        }

        if (from.StartsWith("pjsip:", StringComparison.OrdinalIgnoreCase))
        {
            from = from["pjsip:".Length..];
        }

        return (null, from.Contains('@', StringComparison.Ordinal) ? "sip:" + from : "sip:" + from + "@" + localHost);
    }

    /// <summary>sip:user (no host) → sip:user@host.</summary>
    private static string InsertHost(string uri, string host)
    {
        int colon = uri.IndexOf(':', StringComparison.Ordinal);
        var user = uri[(colon + 1)..];
        return uri[..(colon + 1)] + user + "@" + host;
    }
}
