namespace CompassionBot.DirectLine;

/// <summary>A Direct Line conversation as stored.</summary>
/// <param name="Id">The conversation id.</param>
/// <param name="UserId">The user the conversation's tokens are bound to, when known.</param>
/// <param name="CreatedAt">When the conversation (or its first token) was created.</param>
/// <param name="Started">Whether a client has started it (the bot has been told the user joined).</param>
public sealed record DirectLineConversation(string Id, string? UserId, DateTimeOffset CreatedAt, bool Started);
