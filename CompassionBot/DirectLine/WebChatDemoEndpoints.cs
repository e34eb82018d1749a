namespace CompassionBot.DirectLine;

/// <summary>
/// The demo page's own token source, <c>POST /api/webchat/token</c>: the server-side exchange a clinic's backend
/// would do with its secret, done in-process for local mode. Each call starts a fresh conversation for a new user.
/// </summary>
internal static class WebChatDemoEndpoints
{
    public const string Path = "/api/webchat/token";
    public const string RateLimitPolicy = "WebChatDemo";

    public static IEndpointRouteBuilder MapWebChatDemoEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, IssueDemoTokenAsync).RequireRateLimiting(RateLimitPolicy);
        return endpoints;
    }

    private static async Task<IResult> IssueDemoTokenAsync(HttpContext context, DirectLineConversationService conversations, DirectLineTokenService tokens)
    {
        var userId = DirectLineIds.NewUser();
        var conversation = await conversations.CreateAsync(userId, context.RequestAborted).ConfigureAwait(false);
        var token = tokens.Issue(conversation.Id, userId);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(
            new DemoTokenResponse(token.Value, conversation.Id, userId, (int)tokens.Lifetime.TotalSeconds),
            DirectLineJsonContext.Default.DemoTokenResponse);
    }
}
