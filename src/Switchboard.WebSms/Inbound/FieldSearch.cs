using System.Text.Json;

namespace Switchboard.WebSms.Inbound;

/// <summary>
/// Finds the to/from/body values in a webhook: top-level form fields, fields whose value is JSON (searched at every
/// level) and a JSON body. The last hit of a key wins, as the reference does.
/// </summary>
public static class FieldSearch
{
    public static string? Find(WebhookRequest request, string key)
    {
        string? found = null;
        foreach (var (k, v) in request.Form)
        {
            if (k == key)
            {
                found = v;
            }

            var t = v.TrimStart();
            if (t.StartsWith('{') || t.StartsWith('['))
            {
                try
                {
                    using var doc = JsonDocument.Parse(v);
                    found = Search(doc.RootElement, key) ?? found;
                }
                catch (JsonException)
                {
                }
            }
        }

        if (request.Json is { } json)
        {
            found = Search(json, key) ?? found;
        }

        return found;
    }

    private static string? Search(JsonElement element, string key)
    {
        string? found = null;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    if (p.Name == key && ScalarText(p.Value) is { } s)
                    {
                        found = s;
                    }

                    found = Search(p.Value, key) ?? found;
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    found = Search(item, key) ?? found;
                }

                break;
        }

        return found;
    }

    private static string? ScalarText(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.GetRawText(),
        JsonValueKind.True => "1",
        JsonValueKind.False => string.Empty,
        _ => null,
    };
}
