namespace CompassionBot.DirectLine;

/// <summary>What a valid Direct Line token grants: one conversation, optionally as one user, until it expires.</summary>
internal sealed record DirectLineTokenClaims(string ConversationId, string? UserId, DateTimeOffset ExpiresAt);
