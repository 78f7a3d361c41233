using System.Text;
using System.Text.Json;

namespace Switchboard.Tls.Acme;

/// <summary>
/// Parses Traefik's acme.json, v1 (one resolver, <c>Certificates[].Domain.Main</c>) or v2 (an
/// object of resolvers, <c>&lt;resolver&gt;.Certificates[].domain.main</c>); certificate and key
/// are base64 of PEM. Never throws on bad input: the reason comes back instead.
/// </summary>
internal static class AcmeStoreReader
{
    public static bool TryRead(ReadOnlySpan<byte> json, out AcmeStore? store, out string? error)
    {
        store = null;
        error = null;
        if (json.IsEmpty || json.Trim((byte)' ').IsEmpty)
        {
            error = "the file is empty";
            return false;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = $"not a Traefik acme.json: the top level is {root.ValueKind}, not an object";
                return false;
            }

            var certificates = new List<AcmeCertificateEntry>();
            var problems = new List<string>();
            if (IsResolverSection(root))
            {
                AddResolver("", root, certificates, problems);
                store = new AcmeStore(1, certificates, problems);
                return true;
            }

            foreach (JsonProperty property in root.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Object && IsResolverSection(property.Value))
                {
                    AddResolver(property.Name, property.Value, certificates, problems);
                }
            }

            store = new AcmeStore(2, certificates, problems);
            return true;
        }
        catch (JsonException ex)
        {
            error = $"not valid JSON: {ex.Message}";
            return false;
        }
    }

    private static bool IsResolverSection(JsonElement element)
    {
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (property.Name.Equals("Certificates", StringComparison.OrdinalIgnoreCase)
                || property.Name.Equals("Account", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddResolver(string resolver, JsonElement section, List<AcmeCertificateEntry> certificates, List<string> problems)
    {
        AcmeResolverJson? parsed = section.Deserialize(AcmeJsonContext.Default.AcmeResolverJson);
        if (parsed?.Certificates is null)
        {
            return;
        }

        string where = resolver.Length == 0 ? "Certificates" : resolver + ".Certificates";
        for (int i = 0; i < parsed.Certificates.Count; i++)
        {
            AcmeCertificateJson? item = parsed.Certificates[i];
            string main = item?.Domain?.Main ?? "";
            if (item is null || main.Length == 0)
            {
                problems.Add($"{where}[{i}] has no main domain");
                continue;
            }

            if (!TryDecode(item.Certificate, out string? cert) || !TryDecode(item.Key, out string? key))
            {
                problems.Add($"{where}[{i}] ({main}): certificate or key is not base64");
                continue;
            }

            var sans = new List<string>();
            if (item.Domain?.Sans is { } list)
            {
                foreach (string? san in list)
                {
                    if (!string.IsNullOrEmpty(san))
                    {
                        sans.Add(san);
                    }
                }
            }

            certificates.Add(new AcmeCertificateEntry(resolver, main, sans, cert!, key!));
        }
    }

    private static bool TryDecode(string? base64, out string? text)
    {
        text = null;
        if (string.IsNullOrWhiteSpace(base64))
        {
            return false;
        }

        byte[] buffer = new byte[(base64.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(base64, buffer, out int written))
        {
            return false;
        }

        text = Encoding.UTF8.GetString(buffer, 0, written);
        return true;
    }
}
