namespace CompassionBot.DirectLine;

/// <summary>Who is calling: a holder of a secret (any conversation) or of a token (one conversation).</summary>
internal sealed record DirectLineCaller(bool IsSecret, DirectLineTokenClaims? Token)
{
    public static DirectLineCaller Secret { get; } = new(true, null);

    public string? UserId => Token?.UserId;

    public bool CanAccess(string conversationId) =>
        IsSecret || string.Equals(Token?.ConversationId, conversationId, StringComparison.Ordinal);
}
