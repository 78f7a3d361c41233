using System.Net;
using Microsoft.Extensions.Logging;
using Switchboard.Config.Parsing;
using Switchboard.WebSms.Configuration;
using Switchboard.WebSms.Inbound;

namespace Switchboard.WebSms;

/// <summary>
/// The WebSMS bridge's incoming side in the PBX: websmsd on WEBSMSD_PORT, configured by websms.conf (reloadable),
/// handing accepted SMS to <c>accept</c> (which must persist them before returning true) — or, when [astqueue]
/// sets channel_context as the reference's websms.conf does, writing a call file into the spool instead
/// (<see cref="CallFileQueue"/>).
/// </summary>
public sealed class WebSmsService : IAsyncDisposable
{
    private readonly WebSmsServer _server;
    private WebSmsConfig _config;

    private readonly CallFileQueue? _callFiles;
    private readonly Func<InboundSms, bool> _accept;

    private WebSmsService(WebSmsConfig config, Func<InboundSms, bool> accept, ILoggerFactory loggers, string? spoolDir)
    {
        _config = config;
        _accept = accept;
        if (spoolDir is not null)
        {
            _callFiles = new CallFileQueue(Path.Combine(spoolDir, "outgoing"), Path.Combine(spoolDir, "staging"), TimeProvider.System, loggers.CreateLogger("websmsd"));
        }

        _server = new WebSmsServer(new WebhookHandler(() => Volatile.Read(ref _config), Accept, loggers.CreateLogger("websmsd")), loggers.CreateLogger("websmsd"));
    }

    private bool Accept(InboundSms sms)
    {
        var queue = Volatile.Read(ref _config).Queue;
        return _callFiles is not null && CallFileQueue.IsConfigured(queue) ? _callFiles.TryEnqueue(queue, sms) : _accept(sms);
    }

    /// <summary>The bound port.</summary>
    public int Port => _server.Port;

    /// <summary>
    /// Starts websmsd on <paramref name="port"/> ([websmsd] bind_addr, default every address). With
    /// <paramref name="spoolDir"/> (the PBX's spool, holding outgoing/ and staging/) call files are available.
    /// </summary>
    public static async Task<WebSmsService> StartAsync(ConfDocument? websmsConf, int port, Func<InboundSms, bool> accept, ILoggerFactory loggers, CancellationToken ct, string? spoolDir = null)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        var config = WebSmsConfig.From(websmsConf);
        var service = new WebSmsService(config, accept, loggers, spoolDir);
        var bindText = config.Incoming.Get("bind_addr", null);
        IPAddress? bind = IPAddress.TryParse(bindText, out var b) ? b : null;
        await service._server.StartAsync(bind, port, ct).ConfigureAwait(false);
        return service;
    }

    /// <summary>websms.conf was reloaded.</summary>
    public void Reload(ConfDocument? websmsConf) => Volatile.Write(ref _config, WebSmsConfig.From(websmsConf));

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
