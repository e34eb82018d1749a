using System.Text.Json.Serialization;

namespace CompassionBot.DirectLine;

/// <summary>A Direct Line Conversation object; <c>streamUrl</c> only on conversation start and reconnect.</summary>
internal sealed record ConversationResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("streamUrl")] string? StreamUrl);
