using System.Text;
using System.Text.Json;
using Switchboard.WebSms.Configuration;

namespace Switchboard.WebSms.Outbound;

/// <summary>
/// Builds the ITSP request from [websms] for interface <c>index</c>: fields key_to/key_from/key_body, then
/// val_unicode, val_numform, val_static, auth (none|plain|basic|zadarma), fields sorted by key, body form-encoded
/// (PHP style) or JSON (<c>req_format = json</c>).
/// </summary>
public static class OutboundRequestBuilder
{
    public static OutboundRequest Build(WebSmsSection cfg, string to, string from, string body, string? index, List<string> warnings)
    {
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [cfg.Get("key_to", index, "To")] = to,
            [cfg.Get("key_from", index, "From")] = from,
        };
        var keyBody = cfg.Get("key_body", index, "Body");
        fields[keyBody] = body;
        ApplyUnicode(fields, keyBody, cfg.Get("val_unicode", index));
        ApplyNumberForm(fields, cfg.Get("key_to", index, "To"), cfg.Get("key_from", index, "From"), cfg.Get("val_numform", index));
        foreach (var pair in cfg.Get("val_static", index).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                fields[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
            }
        }

        var headers = new List<KeyValuePair<string, string>>();
        var method = cfg.Get("auth_method", index, "basic").ToLowerInvariant();
        var user = cfg.Get("auth_user", index);
        var secret = cfg.Get("auth_secret", index);
        var path = cfg.Get("url_path", index, "/");
        switch (method)
        {
            case "none" or "":
                break;
            case "plain":
            {
                var keyUser = cfg.Get("key_user", index);
                var keySecret = cfg.Get("key_secret", index);
                if (user.Length == 0 || secret.Length == 0 || keyUser.Length == 0 || keySecret.Length == 0)
                {
                    warnings.Add("plain auth needs auth_user, auth_secret, key_user and key_secret; sending without auth");
                    break;
                }

                fields[keyUser] = user;
                fields[keySecret] = secret;
                break;
            }

            case "basic":
                if (user.Length == 0 || secret.Length == 0)
                {
                    warnings.Add("basic auth needs auth_user and auth_secret; sending without auth");
                    break;
                }

                headers.Add(new("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + secret))));
                break;
            case "zadarma":
                if (user.Length == 0 || secret.Length == 0)
                {
                    warnings.Add("zadarma auth needs auth_user and auth_secret; sending without auth");
                    break;
                }

                headers.Add(new("Authorization", user + ":" + ZadarmaSignature.Compute(path, PhpUrlEncoder.BuildQuery(fields), secret)));
                break;
            default:
                warnings.Add($"unknown auth_method '{method}'; sending without auth");
                break;
        }

        var json = cfg.Get("req_format", index, "form").Equals("json", StringComparison.OrdinalIgnoreCase);
        var requestBody = json ? JsonSerializer.Serialize(fields) : PhpUrlEncoder.BuildQuery(fields);
        var url = new Uri(cfg.Get("url_host", index, "http://localhost").TrimEnd('/') + path);
        return new OutboundRequest(url, json ? "application/json" : "application/x-www-form-urlencoded", requestBody, headers, [.. fields]);
    }

    /// <summary>UCS-2: code points above U+FFFF become U+FFFD; <c>key=value</c>: that field is added when there are any.</summary>
    internal static void ApplyUnicode(IDictionary<string, string> fields, string keyBody, string setting)
    {
        if (setting.Length == 0 || !fields.TryGetValue(keyBody, out var body))
        {
            return;
        }

        if (setting.Equals("UCS-2", StringComparison.OrdinalIgnoreCase))
        {
            var sb = new StringBuilder(body.Length);
            foreach (var rune in body.EnumerateRunes())
            {
                sb.Append(rune.Value > 0xFFFF ? "\uFFFD" : rune.ToString());
            }

            fields[keyBody] = sb.ToString();
            return;
        }

        int eq = setting.IndexOf('=', StringComparison.Ordinal);
        if (eq > 0 && HasWide(body))
        {
            fields[setting[..eq].Trim()] = setting[(eq + 1)..].Trim();
        }
    }

    private static bool HasWide(string body)
    {
        foreach (var rune in body.EnumerateRunes())
        {
            if (rune.Value > 0xFFFF)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>E164 / E.164 / no+: strip a leading + or 00 from the numbers; E.123 or empty: unchanged.</summary>
    internal static void ApplyNumberForm(IDictionary<string, string> fields, string keyTo, string keyFrom, string form)
    {
        if (!(form.Equals("E164", StringComparison.OrdinalIgnoreCase) || form.Equals("E.164", StringComparison.OrdinalIgnoreCase) || form.Equals("no+", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        foreach (var key in new[] { keyTo, keyFrom })
        {
            if (fields.TryGetValue(key, out var n))
            {
                fields[key] = n.StartsWith('+') ? n[1..] : n.StartsWith("00", StringComparison.Ordinal) ? n[2..] : n;
            }
        }
    }
}
