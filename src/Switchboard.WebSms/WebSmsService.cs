using System.Net;
using Microsoft.Extensions.Logging;
using Switchboard.Config.Parsing;
using Switchboard.WebSms.Configuration;
using Switchboard.WebSms.Inbound;

namespace Switchboard.WebSms;

/// <summary>
/// The WebSMS bridge's incoming side in the PBX: websmsd on WEBSMSD_PORT, configured by websms.conf (reloadable),
/// handing accepted SMS to <c>accept</c> (which must persist them before returning true).
/// </summary>
public sealed class WebSmsService : IAsyncDisposable
{
    private readonly WebSmsServer _server;
    private WebSmsConfig _config;

    private WebSmsService(WebSmsConfig config, Func<InboundSms, bool> accept, ILoggerFactory loggers)
    {
        _config = config;
        _server = new WebSmsServer(new WebhookHandler(() => Volatile.Read(ref _config), accept, loggers.CreateLogger("websmsd")), loggers.CreateLogger("websmsd"));
    }

    /// <summary>The bound port.</summary>
    public int Port => _server.Port;

    /// <summary>Starts websmsd on <paramref name="port"/> ([websmsd] bind_addr, default every address).</summary>
    public static async Task<WebSmsService> StartAsync(ConfDocument? websmsConf, int port, Func<InboundSms, bool> accept, ILoggerFactory loggers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        var config = WebSmsConfig.From(websmsConf);
        var service = new WebSmsService(config, accept, loggers);
        var bindText = config.Incoming.Get("bind_addr", null);
        IPAddress? bind = IPAddress.TryParse(bindText, out var b) ? b : null;
        await service._server.StartAsync(bind, port, ct).ConfigureAwait(false);
        return service;
    }

    /// <summary>websms.conf was reloaded.</summary>
    public void Reload(ConfDocument? websmsConf) => Volatile.Write(ref _config, WebSmsConfig.From(websmsConf));

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
