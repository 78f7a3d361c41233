using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Switchboard.WebSms.Inbound;

/// <summary>
/// The incoming WebSMS HTTP server (websmsd) on Kestrel: every method and path goes to the <see cref="WebhookHandler"/>;
/// form (urlencoded or multipart) and JSON bodies are read here.
/// </summary>
public sealed partial class WebSmsServer : IAsyncDisposable
{
    private const int MaxBodyBytes = 256 * 1024;
    private readonly WebhookHandler _handler;
    private readonly ILogger _log;
    private WebApplication? _app;

    public WebSmsServer(WebhookHandler handler, ILogger log)
    {
        _handler = handler;
        _log = log;
    }

    /// <summary>The port actually bound (after start).</summary>
    public int Port { get; private set; }

    public async Task StartAsync(IPAddress? bind, int port, CancellationToken ct)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o =>
        {
            o.AddServerHeader = false;
            o.Limits.MaxRequestBodySize = MaxBodyBytes;
            if (bind is null)
            {
                o.ListenAnyIP(port);
            }
            else
            {
                o.Listen(bind, port);
            }
        });
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync(ct).ConfigureAwait(false);
        _app = app;
        var addresses = app.Services.GetService(typeof(Microsoft.AspNetCore.Hosting.Server.IServer)) is Microsoft.AspNetCore.Hosting.Server.IServer server
            ? server.Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses
            : null;
        Port = port;
        if (addresses is not null)
        {
            foreach (var a in addresses)
            {
                if (Uri.TryCreate(a, UriKind.Absolute, out var uri))
                {
                    Port = uri.Port;
                }
            }
        }

        LogListening(bind?.ToString() ?? "*", Port);
    }

    private async Task HandleAsync(HttpContext http)
    {
        WebhookRequest request;
        try
        {
            request = await ReadAsync(http).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            LogBadRequest(ex.Message);
            http.Response.StatusCode = 400;
            return;
        }

        var response = _handler.Handle(request);
        http.Response.StatusCode = response.Status;
        if (response.Status == 503)
        {
            http.Response.Headers.RetryAfter = "30";
        }

        if (response.Body.Length > 0)
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(response.Body, Encoding.UTF8).ConfigureAwait(false);
        }
    }

    private static async Task<WebhookRequest> ReadAsync(HttpContext http)
    {
        var r = http.Request;
        var query = new List<KeyValuePair<string, string>>();
        foreach (var (k, v) in r.Query)
        {
            query.Add(new(k, v.ToString()));
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (k, v) in r.Headers)
        {
            headers.Add(new(k, v.ToString()));
        }

        var form = new List<KeyValuePair<string, string>>();
        JsonElement? json = null;
        bool malformed = false;
        if (r.HasFormContentType)
        {
            try
            {
                var f = await r.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
                foreach (var (k, v) in f)
                {
                    form.Add(new(k, v.ToString()));
                }
            }
            catch (InvalidDataException)
            {
                malformed = true;
            }
        }
        else if (r.ContentLength is > 0 || r.Headers.TransferEncoding.Count > 0)
        {
            using var buffer = new MemoryStream();
            await r.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
            var bytes = buffer.ToArray();
            if (bytes.Length > 0)
            {
                try
                {
                    using var doc = JsonDocument.Parse(bytes);
                    json = doc.RootElement.Clone();
                }
                catch (JsonException)
                {
                    malformed = true;
                }
            }
        }

        return new WebhookRequest
        {
            RemoteAddress = http.Connection.RemoteIpAddress ?? IPAddress.None,
            Method = r.Method,
            Path = r.PathBase.Add(r.Path).Value ?? "/",
            Query = query,
            Headers = headers,
            Form = form,
            Json = json,
            BodyMalformed = malformed,
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "WebSMS listening on http://{Address}:{Port}")]
    private partial void LogListening(string address, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bad WebSMS request: {Reason}")]
    private partial void LogBadRequest(string reason);
}
