using System.Text.Json.Serialization;
using CompassionBot.Dialogs.Engine.Prompts;

namespace CompassionBot.Dialogs.Engine;

/// <summary>Source-generated serialisation of the engine's persisted records.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PromptState))]
internal sealed partial class EngineJsonContext : JsonSerializerContext;
