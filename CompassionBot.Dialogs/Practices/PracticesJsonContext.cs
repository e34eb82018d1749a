using System.Text.Json.Serialization;

namespace CompassionBot.Dialogs.Practices;

/// <summary>Source-generated serialisation of the practice dialogs' state (the options of <c>Bot.BotStateJsonContext</c>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(PracticeSession))]
[JsonSerializable(typeof(PracticeStepsState))]
internal sealed partial class PracticesJsonContext : JsonSerializerContext;
