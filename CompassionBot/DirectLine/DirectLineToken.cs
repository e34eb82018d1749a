namespace CompassionBot.DirectLine;

/// <summary>An issued token with its claims.</summary>
internal sealed record DirectLineToken(string Value, DirectLineTokenClaims Claims);
