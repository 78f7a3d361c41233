using System.Net;
using System.Text.Json;

namespace Switchboard.WebSms.Inbound;

/// <summary>An incoming webhook request as the filter and the field search need it (independent of Kestrel).</summary>
public sealed class WebhookRequest
{
    public required IPAddress RemoteAddress { get; init; }

    public required string Method { get; init; }

    /// <summary>The path without the query string.</summary>
    public required string Path { get; init; }

    /// <summary>Query string parameters (decoded).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    /// <summary>Request headers by name (case-insensitive lookup through <see cref="Header"/>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>Form fields (x-www-form-urlencoded or multipart).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Form { get; init; } = [];

    /// <summary>A JSON body, when the request had one.</summary>
    public JsonElement? Json { get; init; }

    /// <summary>True when the body could not be parsed (broken JSON or form).</summary>
    public bool BodyMalformed { get; init; }

    public string? Header(string name)
    {
        foreach (var (k, v) in Headers)
        {
            if (k.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return v;
            }
        }

        return null;
    }
}
