using System.Text.Json.Serialization;

namespace CompassionBot.DirectLine;

/// <summary>The demo page's token: what Web Chat needs to connect.</summary>
internal sealed record DemoTokenResponse(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
