using System.Text.Json.Serialization;
using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Engine;

namespace CompassionBot.Dialogs.Bot;

/// <summary>
/// Source-generated serialisation of the state every part of the bot shares: the dialog stack and the person's profile.
/// Each layer above keeps its own records in a context with these same options (<c>PracticesJsonContext</c>,
/// <c>ConversationJsonContext</c>), so the stored JSON is the same whichever context wrote it.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(DialogState))]
[JsonSerializable(typeof(UserProfile))]
public sealed partial class BotStateJsonContext : JsonSerializerContext;
