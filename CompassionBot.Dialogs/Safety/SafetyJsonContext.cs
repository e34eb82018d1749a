using System.Text.Json.Serialization;

namespace CompassionBot.Dialogs.Safety;

/// <summary>Source-generated serialisation of the safety gate's records.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(SafetyConversationState))]
[JsonSerializable(typeof(SafetyAssessment))]
public sealed partial class SafetyJsonContext : JsonSerializerContext;
