using System.Text.Json;
using System.Text.Json.Serialization;

namespace CompassionBot.Safety;

/// <summary>Source-generated JSON for the Azure AI Content Safety calls (camelCase, as the REST API uses).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ContentSafetyRequest))]
[JsonSerializable(typeof(ContentSafetyResponse))]
internal sealed partial class ContentSafetyJsonContext : JsonSerializerContext;
