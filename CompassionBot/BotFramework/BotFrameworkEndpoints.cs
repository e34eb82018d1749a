namespace CompassionBot.BotFramework;

/// <summary>Maps the Bot Framework messaging endpoint.</summary>
public static class BotFrameworkEndpoints
{
    /// <summary>The messaging endpoint path Azure Bot Service and the Emulator post to.</summary>
    public const string MessagesPath = "/api/messages";

    /// <summary>
    /// Maps <c>/api/messages</c> for callers of the channel scheme (every method: non-POST gets a 405 ProblemDetails).
    /// </summary>
    public static IEndpointRouteBuilder MapBotFrameworkEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.Map(MessagesPath, (HttpContext http, MessagesEndpointHandler handler) => handler.HandleAsync(http))
            .RequireAuthorization(ChannelAuthenticationHandler.SchemeName);
        return endpoints;
    }
}
