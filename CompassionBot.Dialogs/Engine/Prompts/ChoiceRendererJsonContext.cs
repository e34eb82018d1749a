using System.Text.Json.Serialization;

namespace CompassionBot.Dialogs.Engine.Prompts;

/// <summary>Serialisation of card content.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HeroCardContent))]
internal sealed partial class ChoiceRendererJsonContext : JsonSerializerContext;
