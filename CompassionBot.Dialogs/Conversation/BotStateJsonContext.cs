using System.Text.Json.Serialization;
using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Engine;
using CompassionBot.Dialogs.Practices;

namespace CompassionBot.Dialogs.Conversation;

/// <summary>Source-generated serialisation of the bot's state records.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(DialogState))]
[JsonSerializable(typeof(UserProfile))]
[JsonSerializable(typeof(PracticeSession))]
[JsonSerializable(typeof(PracticeStepsState))]
[JsonSerializable(typeof(MainDialogState))]
public sealed partial class BotStateJsonContext : JsonSerializerContext;
