using System.Text.Json.Serialization;

namespace CompassionBot.Dialogs.Conversation;

/// <summary>Source-generated serialisation of the main dialog's state (the options of <c>Bot.BotStateJsonContext</c>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(MainDialogState))]
internal sealed partial class ConversationJsonContext : JsonSerializerContext;
