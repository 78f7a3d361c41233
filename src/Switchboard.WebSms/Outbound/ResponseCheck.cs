using System.Text.Json;
using System.Text.RegularExpressions;

namespace Switchboard.WebSms.Outbound;

/// <summary>
/// resp_check: empty passes; <c>key=value</c> passes when some JSON property <c>key</c> (any depth) is the string (or
/// number text) <c>value</c>; <c>/regex/</c> is matched against the raw response body.
/// </summary>
public static class ResponseCheck
{
    public static bool Passes(string check, string responseBody)
    {
        check = check.Trim();
        if (check.Length == 0)
        {
            return true;
        }

        if (check.Length >= 2 && check[0] == '/' && check.LastIndexOf('/') > 0)
        {
            int end = check.LastIndexOf('/');
            var options = check[(end + 1)..].Contains('i', StringComparison.Ordinal) ? RegexOptions.IgnoreCase : RegexOptions.None;
            try
            {
                return Regex.IsMatch(responseBody, check[1..end], options, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        int eq = check.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            return false;
        }

        var key = check[..eq].Trim();
        var value = check[(eq + 1)..].Trim();
        try
        {
            using var doc = JsonDocument.Parse(responseBody);
            return Find(doc.RootElement, key, value);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool Find(JsonElement e, string key, string value)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    if (p.Name == key && ((p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() == value) || (p.Value.ValueKind == JsonValueKind.Number && p.Value.GetRawText() == value)))
                    {
                        return true;
                    }

                    if (Find(p.Value, key, value))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                {
                    if (Find(item, key, value))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }
}
