using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Switchboard.WebSms.Configuration;

namespace Switchboard.WebSms.Outbound;

/// <summary>
/// websms: sends one SMS to the ITSP over HTTP(S) as [websms] describes (TLS certificates verified unless
/// <c>tls_verify = no</c>), retries transient failures (no connection, timeout, 408, 429, 5xx) <c>retry_count</c>
/// times with a doubling <c>retry_delay</c>, checks the answer with resp_check and logs the outcome.
/// </summary>
public sealed partial class WebSmsSender(WebSmsSection config, ILogger log, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<SendResult> SendAsync(string to, string from, string body, string? index, CancellationToken ct)
    {
        var warnings = new List<string>();
        var request = OutboundRequestBuilder.Build(config, to, from, body, index, warnings);
        foreach (var w in warnings)
        {
            LogWarning(w);
        }

        int retries = ReadInt("retry_count", index, 2, 0, 20);
        double delay = ReadDouble("retry_delay", index, 2);
        double timeout = ReadDouble("timeout", index, 20);
        bool verify = !IsNo(config.Get("tls_verify", index, "yes"));
        using var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(timeout) };
        if (!verify)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }

        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(timeout) };
        var user = config.Get("auth_user", index);
        SendResult result = new(false, null, "not sent", 0);
        for (int attempt = 1; attempt <= retries + 1; attempt++)
        {
            bool transient;
            (result, transient) = await TryOnceAsync(http, request, index, attempt, ct).ConfigureAwait(false);
            if (result.Success)
            {
                LogSent(request.Url.Host, user, to, attempt);
                return result;
            }

            if (!transient || attempt > retries)
            {
                break;
            }

            LogRetry(to, attempt, result.Detail);
            await Task.Delay(TimeSpan.FromSeconds(delay * Math.Pow(2, attempt - 1)), _time, ct).ConfigureAwait(false);
        }

        LogFailed(request.Url.Host, to, result.Attempts, result.Detail);
        return result;
    }

    private async Task<(SendResult Result, bool Transient)> TryOnceAsync(HttpClient http, OutboundRequest request, string? index, int attempt, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, request.Url)
        {
            Content = new StringContent(request.Body, Encoding.UTF8, request.ContentType),
        };
        if (request.ContentType == "application/x-www-form-urlencoded")
        {
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        }

        foreach (var (k, v) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(k, v);
        }

        try
        {
            using var response = await http.SendAsync(message, ct).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            int code = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                bool transient = code is 408 or 429 || code >= 500;
                return (new SendResult(false, code, "HTTP " + code.ToString(CultureInfo.InvariantCulture) + " " + response.ReasonPhrase, attempt), transient);
            }

            var check = config.Get("resp_check", index);
            if (!ResponseCheck.Passes(check, text))
            {
                return (new SendResult(false, code, $"Called ({request.Url}) but return did not match ({check})", attempt), false);
            }

            return (new SendResult(true, code, "HTTP " + code.ToString(CultureInfo.InvariantCulture), attempt), false);
        }
        catch (HttpRequestException ex)
        {
            return (new SendResult(false, null, "connection error: " + ex.Message, attempt), true);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return (new SendResult(false, null, "timeout", attempt), true);
        }
    }

    private int ReadInt(string key, string? index, int fallback, int min, int max)
        => int.TryParse(config.Get(key, index), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? Math.Clamp(v, min, max) : fallback;

    private double ReadDouble(string key, string? index, double fallback)
        => double.TryParse(config.Get(key, index), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : fallback;

    private static bool IsNo(string v) => v.Equals("no", StringComparison.OrdinalIgnoreCase) || v.Equals("false", StringComparison.OrdinalIgnoreCase) || v.Equals("off", StringComparison.OrdinalIgnoreCase) || v == "0";

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbound SMS sent (host={Host},user={User}) to {To} in {Attempts} attempt(s)")]
    private partial void LogSent(string host, string user, string to, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbound SMS to {To}: attempt {Attempt} failed ({Reason}); retrying")]
    private partial void LogRetry(string to, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbound SMS to {To} failed (host={Host}) after {Attempts} attempt(s): {Reason}")]
    private partial void LogFailed(string host, string to, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "websms: {Message}")]
    private partial void LogWarning(string message);
}
