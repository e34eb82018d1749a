using System.Text.Json.Serialization;

namespace CompassionBot.Tests.Dialogs.Engine;

[JsonSerializable(typeof(TestWaterfallState))]
internal sealed partial class EngineTestJsonContext : JsonSerializerContext;
