using System.Text.Json.Serialization;
using System.Text.Json;

namespace CompassionBot.Dialogs.Safety.Model;

/// <summary>Source-generated JSON for the crisis head file.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(CrisisHeadFile))]
public sealed partial class CrisisHeadJsonContext : JsonSerializerContext;
