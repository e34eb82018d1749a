using System.Text.Json.Serialization;

namespace CompassionBot.DirectLine;

/// <summary>
/// The crisis and emergency lines for the web chat page's "If you need help now" panel: the region the bot will use
/// for this locale and the two short phrases (<c>crisisLine.&lt;region&gt;</c>, <c>emergencyLine.&lt;region&gt;</c>) in
/// the locale's language, the same ones the welcome and help texts name.
/// </summary>
internal sealed record CrisisLineResponse(
    [property: JsonPropertyName("region")] string Region,
    [property: JsonPropertyName("crisisLine")] string CrisisLine,
    [property: JsonPropertyName("emergencyLine")] string EmergencyLine);
