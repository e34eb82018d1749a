using System.Text.Json.Serialization;

namespace CompassionBot.Dialogs.Turns;

/// <summary>Source-generated serialisation of what the turn machinery keeps in state (the deliveries document).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Dictionary<string, DateTimeOffset>))]
[JsonSerializable(typeof(EarlierAnswer))]
internal sealed partial class TurnsJsonContext : JsonSerializerContext;
