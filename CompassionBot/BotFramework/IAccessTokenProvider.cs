namespace CompassionBot.BotFramework;

/// <summary>Supplies the bearer token for calls to the Bot Connector.</summary>
public interface IAccessTokenProvider
{
    /// <summary>A current access token, or null in local mode (no app id: calls carry no token).</summary>
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}
