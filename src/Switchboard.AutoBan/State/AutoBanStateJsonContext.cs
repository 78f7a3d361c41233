using System.Text.Json.Serialization;

namespace Switchboard.AutoBan.State;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AutoBanStateDocument))]
internal sealed partial class AutoBanStateJsonContext : JsonSerializerContext;
