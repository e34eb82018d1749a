using System.Text.Json.Serialization;

namespace CompassionBot.DirectLine;

/// <summary>The error inside an <see cref="ErrorResponse"/>.</summary>
internal sealed record ErrorBody([property: JsonPropertyName("code")] string Code, [property: JsonPropertyName("message")] string Message);
