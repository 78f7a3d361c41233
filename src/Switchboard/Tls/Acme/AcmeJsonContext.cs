using System.Text.Json.Serialization;

namespace Switchboard.Tls.Acme;

/// <summary>Source-generated (Native AOT safe) serializer metadata for acme.json.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(AcmeResolverJson))]
internal sealed partial class AcmeJsonContext : JsonSerializerContext
{
}
