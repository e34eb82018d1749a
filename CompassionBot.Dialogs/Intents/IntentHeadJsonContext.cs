using System.Text.Json.Serialization;
using System.Text.Json;

namespace CompassionBot.Dialogs.Intents;

/// <summary>Source-generated JSON for the intent head file.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(IntentHeadFile))]
public sealed partial class IntentHeadJsonContext : JsonSerializerContext;
