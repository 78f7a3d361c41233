using System.Net;
using Microsoft.Extensions.Logging;
using Switchboard.WebSms.Configuration;

namespace Switchboard.WebSms.Inbound;

/// <summary>
/// websmsd's rules for one request: proxy-aware client address, remt_addr and url_path filters (the path without the
/// query string) choosing the interface, the key_echo probe, the to/from/body search, then the hand-off.
/// 200 + resp_ack when accepted (after it was persisted), 403 refused, 400 malformed, 503 when it cannot be accepted now.
/// </summary>
public sealed partial class WebhookHandler(Func<WebSmsConfig> config, Func<InboundSms, bool> accept, ILogger log)
{
    public const string DefaultProxyAddresses = "172.16.0.0/12,192.168.0.0/16";
    public const string DefaultProxyHeader = "HTTP_X_FORWARDED_FOR";

    public WebhookResponse Handle(WebhookRequest request)
    {
        var incoming = config().Incoming;
        var queue = config().Queue;
        var client = ClientAddress(incoming, request);
        if (!TryMatchAddress(incoming, client, out var index))
        {
            LogAddressRefused(client.ToString());
            return new WebhookResponse(403, string.Empty);
        }

        if (!TryMatchPath(incoming, request.Path, ref index))
        {
            LogPathRefused(request.Path, client.ToString());
            return new WebhookResponse(403, string.Empty);
        }

        var echoKey = incoming.Get("key_echo", index);
        if (echoKey.Length > 0)
        {
            foreach (var (k, v) in request.Query)
            {
                if (k == echoKey)
                {
                    LogEcho(client.ToString());
                    return new WebhookResponse(200, v);
                }
            }
        }

        if (request.BodyMalformed)
        {
            LogMalformed(client.ToString(), "the body could not be parsed");
            return new WebhookResponse(400, string.Empty);
        }

        if (!request.Method.Equals("POST", StringComparison.OrdinalIgnoreCase) || (request.Form.Count == 0 && request.Json is null))
        {
            LogMalformed(client.ToString(), "No POST header data");
            return new WebhookResponse(400, string.Empty);
        }

        var to = FieldSearch.Find(request, incoming.Get("key_to", index, "To"));
        var from = FieldSearch.Find(request, incoming.Get("key_from", index, "From"));
        var body = FieldSearch.Find(request, incoming.Get("key_body", index, "Body")) ?? string.Empty;
        if (string.IsNullOrWhiteSpace(to) || string.IsNullOrWhiteSpace(from))
        {
            LogMalformed(client.ToString(), "Did not get all required POST data");
            return new WebhookResponse(400, string.Empty);
        }

        var sms = new InboundSms(to.Trim(), from.Trim(), body, index, queue.Get("context", index, "default"));
        if (!accept(sms))
        {
            LogNotAccepted(sms.To, sms.From);
            return new WebhookResponse(503, string.Empty);
        }

        LogAccepted(sms.To, sms.From);
        return new WebhookResponse(200, incoming.Get("resp_ack", index));
    }

    private IPAddress ClientAddress(WebSmsSection incoming, WebhookRequest request)
    {
        var remote = AddressList.Normalize(request.RemoteAddress);
        var proxies = AddressList.Parse(incoming.Get("prox_addr", null, DefaultProxyAddresses), out _);
        if (!proxies.Contains(remote))
        {
            return remote;
        }

        var headerName = HeaderName(incoming.Get("prox_header", null, DefaultProxyHeader));
        var value = request.Header(headerName);
        if (value is null)
        {
            LogProxyHeaderMissing(headerName, remote.ToString());
            return remote;
        }

        var first = value.Split(',')[0].Trim();
        return IPAddress.TryParse(first, out var forwarded) ? AddressList.Normalize(forwarded) : remote;
    }

    /// <summary>PHP's server variable name (HTTP_X_FORWARDED_FOR) to the header name (X-Forwarded-For); header names pass through.</summary>
    internal static string HeaderName(string configured)
    {
        if (!configured.StartsWith("HTTP_", StringComparison.OrdinalIgnoreCase))
        {
            return configured;
        }

        var parts = configured[5..].ToLowerInvariant().Split('_', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('-', parts.Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private bool TryMatchAddress(WebSmsSection incoming, IPAddress client, out string? index)
    {
        index = null;
        var setting = incoming.Setting("remt_addr");
        if (setting is null)
        {
            return true;
        }

        if (setting.Scalar is { Length: > 0 } scalar && Matches(scalar, client))
        {
            return true;
        }

        foreach (var (k, v) in setting.Entries)
        {
            if (Matches(v, client))
            {
                index = k;
                return true;
            }
        }

        return setting.Scalar is null or { Length: 0 } && !setting.IsIndexed;
    }

    private bool Matches(string list, IPAddress client)
    {
        var parsed = AddressList.Parse(list, out var invalid);
        foreach (var bad in invalid)
        {
            LogBadAddress(bad);
        }

        return parsed.Contains(client);
    }

    private static bool TryMatchPath(WebSmsSection incoming, string path, ref string? index)
    {
        var setting = incoming.Setting("url_path");
        if (setting is null)
        {
            return true;
        }

        if (setting.Scalar is { Length: > 0 } scalar && InList(scalar, path))
        {
            return true;
        }

        foreach (var (k, v) in setting.Entries)
        {
            if (InList(v, path))
            {
                index = k;
                return true;
            }
        }

        return setting.Scalar is null or { Length: 0 } && !setting.IsIndexed;
    }

    private static bool InList(string list, string path)
    {
        foreach (var p in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (p == path)
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "REMOTE_ADDR ({Address}) NOT allowed")]
    private partial void LogAddressRefused(string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "REQUEST_URI ({Path}) NOT allowed (client {Address})")]
    private partial void LogPathRefused(string path, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Received echo request from {Address}")]
    private partial void LogEcho(string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook from {Address} refused: {Reason}")]
    private partial void LogMalformed(string address, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Proxy header {Header} missing in request from {Address}")]
    private partial void LogProxyHeaderMissing(string header, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "remt_addr entry '{Entry}' is not an address or network")]
    private partial void LogBadAddress(string entry);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbound SMS to ({To}) from ({From}) could not be stored; answered 503 so that the sender retries")]
    private partial void LogNotAccepted(string to, string from);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbound SMS accepted, to ({To}) from ({From})")]
    private partial void LogAccepted(string to, string from);
}
