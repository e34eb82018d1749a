using System.Text.Json.Serialization;

namespace CompassionBot.Safety.Alerts;

/// <summary>Source-generated JSON for the alert webhook.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CrisisAlertPayload))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class CrisisAlertJsonContext : JsonSerializerContext;
