using System.Text.Json.Serialization;

namespace CompassionBot.DirectLine;

/// <summary>Bot Framework ErrorResponse body: <c>{"error":{"code","message"}}</c>.</summary>
internal sealed record ErrorResponse([property: JsonPropertyName("error")] ErrorBody Error);
