using System.Text.Json;
using System.Text.Json.Serialization;

namespace CompassionBot.Safety;

/// <summary>Source-generated JSON for the Azure AI Language calls (camelCase, as the REST API uses).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AzureSentimentRequest))]
[JsonSerializable(typeof(AzureSentimentResponse))]
internal sealed partial class AzureLanguageJsonContext : JsonSerializerContext;
