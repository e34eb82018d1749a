using System.Text.Json.Serialization;
using CompassionBot.Dialogs.Schema;

namespace CompassionBot.BotFramework;

/// <summary>Serialisation of what the Bot Framework channel stores.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConversationReference))]
internal sealed partial class BotFrameworkJsonContext : JsonSerializerContext;
