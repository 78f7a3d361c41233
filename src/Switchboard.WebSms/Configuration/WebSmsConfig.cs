using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;

namespace Switchboard.WebSms.Configuration;

/// <summary>
/// websms.conf: [websms] (outgoing), [websmsd] (incoming), [astqueue] (where incoming messages enter the dialplan).
/// Values may be quoted; any key may be indexed per interface.
/// </summary>
public sealed class WebSmsConfig
{
    private WebSmsConfig(WebSmsSection outgoing, WebSmsSection incoming, WebSmsSection queue)
    {
        Outgoing = outgoing;
        Incoming = incoming;
        Queue = queue;
    }

    public WebSmsSection Outgoing { get; }

    public WebSmsSection Incoming { get; }

    public WebSmsSection Queue { get; }

    public static WebSmsConfig Empty { get; } = new(new WebSmsSection(), new WebSmsSection(), new WebSmsSection());

    public static WebSmsConfig From(ConfDocument? document)
    {
        if (document is null)
        {
            return Empty;
        }

        var outgoing = new WebSmsSection();
        var incoming = new WebSmsSection();
        var queue = new WebSmsSection();
        foreach (var category in document.Categories)
        {
            var target = category.Name.ToLowerInvariant() switch
            {
                "websms" => outgoing,
                "websmsd" => incoming,
                "astqueue" => queue,
                _ => null,
            };
            if (target is null)
            {
                continue;
            }

            foreach (var entry in category.Entries)
            {
                target.Set(entry.Key.Trim(), Unquote(entry.Value.Trim()));
            }
        }

        return new WebSmsConfig(outgoing, incoming, queue);
    }

    /// <summary>Reads <c>websms.conf</c> from <paramref name="configDir"/> (empty configuration when missing).</summary>
    public static WebSmsConfig Load(string configDir, DiagnosticBag diagnostics)
    {
        var doc = ConfParser.ParseOptional(new DirectoryConfigFileSource(configDir), "websms.conf", diagnostics);
        return From(doc);
    }

    internal static string Unquote(string value)
        => value.Length >= 2 && ((value[0] == '"' && value[^1] == '"') || (value[0] == '\'' && value[^1] == '\'')) ? value[1..^1] : value;
}
