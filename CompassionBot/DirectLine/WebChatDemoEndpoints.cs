using System.Text.Json;

namespace CompassionBot.DirectLine;

/// <summary>
/// The demo page's own token source, <c>POST /api/webchat/token</c>: the server-side exchange a clinic's backend
/// would do with its secret, done in-process for local mode. Each call starts a fresh conversation. The page keeps the
/// user id it was given (random, <c>dl_</c>-prefixed, nothing personal) and brings it back as Direct Line's token
/// parameters do (<c>{"user":{"id":"dl_…"}}</c>), so a person's history follows them from visit to visit; an id
/// of any other form gets a new one.
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
        var (body, failure) = await DirectLineRequestBody.ReadAsync(context).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        if (!TryReadReturningUser(body, out var returning))
        {
            return DirectLineResults.Error(StatusCodes.Status400BadRequest, "BadArgument", "The body is not valid JSON token parameters.");
        }

        var userId = returning ?? DirectLineIds.NewUser();
        var conversation = await conversations.CreateAsync(userId, context.RequestAborted).ConfigureAwait(false);
        var token = tokens.Issue(conversation.Id, userId);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(
            new DemoTokenResponse(token.Value, conversation.Id, userId, (int)tokens.Lifetime.TotalSeconds),
            DirectLineJsonContext.Default.DemoTokenResponse);
    }

    // False only for a body that is not JSON token parameters; a missing body or an id this service did not issue the
    // form of leaves returning null.
    private static bool TryReadReturningUser(ReadOnlyMemory<byte> body, out string? returning)
    {
        returning = null;
        if (body.Length == 0)
        {
            return true;
        }

        try
        {
            var id = JsonSerializer.Deserialize(body.Span, DirectLineJsonContext.Default.TokenParameters)?.User?.Id;
            returning = DirectLineIds.IsUser(id) ? id : null;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
