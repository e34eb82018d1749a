using System.Text.Json;

namespace CompassionBot.DirectLine;

/// <summary>The Direct Line 3.0 REST and WebSocket endpoints under <c>/v3/directline</c>.</summary>
internal static partial class DirectLineEndpoints
{
    public const string Prefix = "/v3/directline";
    public const string CorsPolicy = "DirectLine";
    public const string RateLimitPolicy = "DirectLine";

    public static IEndpointRouteBuilder MapDirectLineEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Prefix).RequireCors(CorsPolicy);
        group.MapPost("/tokens/generate", GenerateTokenAsync);
        group.MapPost("/tokens/refresh", RefreshTokenAsync).RequireRateLimiting(RateLimitPolicy);
        group.MapPost("/conversations", StartConversationAsync).RequireRateLimiting(RateLimitPolicy);
        group.MapGet("/conversations/{conversationId}", ReconnectAsync).RequireRateLimiting(RateLimitPolicy);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync).RequireRateLimiting(RateLimitPolicy);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync).RequireRateLimiting(RateLimitPolicy);
        group.MapGet("/conversations/{conversationId}/stream", StreamAsync).RequireRateLimiting(RateLimitPolicy);
        return endpoints;
    }

    private static async Task<IResult> GenerateTokenAsync(HttpContext context, DirectLineAuthenticator authenticator, DirectLineConversationService conversations, DirectLineTokenService tokens)
    {
        var credential = DirectLineAuthenticator.ReadCredential(context);
        if (credential is null || !authenticator.IsSecret(credential))
        {
            return DirectLineResults.Unauthorized("A Direct Line secret is required.");
        }

        var (parameters, failure) = await ReadParametersAsync(context).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        var conversation = await conversations.CreateAsync(parameters?.User?.Id, context.RequestAborted).ConfigureAwait(false);
        var token = tokens.Issue(conversation.Id, conversation.UserId);
        return DirectLineResults.Conversation(StatusCodes.Status200OK, token.Claims.ConversationId, token.Value, tokens.Lifetime, streamUrl: null);
    }

    private static async Task<IResult> RefreshTokenAsync(HttpContext context, DirectLineAuthenticator authenticator, DirectLineTokenService tokens)
    {
        var (caller, failure) = await AuthorizeAsync(context, authenticator, conversationId: null).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        if (caller!.Token is not { } claims)
        {
            return DirectLineResults.Error(StatusCodes.Status400BadRequest, "BadArgument", "Only a token can be refreshed.");
        }

        var token = tokens.Issue(claims.ConversationId, claims.UserId);
        return DirectLineResults.Conversation(StatusCodes.Status200OK, token.Claims.ConversationId, token.Value, tokens.Lifetime, streamUrl: null);
    }

    private static async Task<IResult> StartConversationAsync(HttpContext context, DirectLineAuthenticator authenticator, DirectLineConversationService conversations, DirectLineTokenService tokens, TimeProvider time)
    {
        var (caller, failure) = await AuthorizeAsync(context, authenticator, conversationId: null).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        var (parameters, badBody) = await ReadParametersAsync(context).ConfigureAwait(false);
        if (badBody is not null)
        {
            return badBody;
        }

        var cancellationToken = context.RequestAborted;
        DirectLineConversation? conversation;
        string tokenValue;
        if (caller!.Token is { } claims)
        {
            conversation = await conversations.FindAsync(claims.ConversationId, cancellationToken).ConfigureAwait(false);
            tokenValue = DirectLineAuthenticator.ReadCredential(context)!;
        }
        else
        {
            conversation = await conversations.CreateAsync(parameters?.User?.Id, cancellationToken).ConfigureAwait(false);
            tokenValue = tokens.Issue(conversation.Id, conversation.UserId).Value;
        }

        if (conversation is null)
        {
            return DirectLineResults.NotFound();
        }

        var userId = caller.UserId ?? conversation.UserId ?? parameters?.User?.Id;
        var started = await conversations.StartAsync(conversation, userId, parameters?.Locale, cancellationToken).ConfigureAwait(false);
        var expiresIn = caller.Token is { } current ? current.ExpiresAt - time.GetUtcNow() : tokens.Lifetime;
        var streamUrl = StreamUrl(context.Request, conversation.Id, tokenValue, watermark: null);
        var status = started ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        return DirectLineResults.Conversation(status, conversation.Id, tokenValue, expiresIn, streamUrl);
    }

    private static async Task<IResult> ReconnectAsync(string conversationId, string? watermark, HttpContext context, DirectLineAuthenticator authenticator, DirectLineConversationService conversations, DirectLineTokenService tokens)
    {
        var (caller, failure) = await AuthorizeAsync(context, authenticator, conversationId).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        var conversation = await conversations.FindAsync(conversationId, context.RequestAborted).ConfigureAwait(false);
        if (conversation is null)
        {
            return DirectLineResults.NotFound();
        }

        var token = tokens.Issue(conversationId, caller!.UserId ?? conversation.UserId);
        var streamUrl = StreamUrl(context.Request, conversationId, token.Value, watermark);
        return DirectLineResults.Conversation(StatusCodes.Status200OK, conversationId, token.Value, tokens.Lifetime, streamUrl);
    }

    private static string StreamUrl(HttpRequest request, string conversationId, string token, string? watermark)
    {
        var scheme = request.IsHttps ? "wss" : "ws";
        var url = $"{scheme}://{request.Host}{request.PathBase}{Prefix}/conversations/{Uri.EscapeDataString(conversationId)}/stream?t={Uri.EscapeDataString(token)}";
        return string.IsNullOrEmpty(watermark) ? url : $"{url}&watermark={Uri.EscapeDataString(watermark)}";
    }

    private static async Task<(TokenParameters? Parameters, IResult? Failure)> ReadParametersAsync(HttpContext context)
    {
        var (body, failure) = await DirectLineRequestBody.ReadAsync(context).ConfigureAwait(false);
        if (failure is not null || body.Length == 0)
        {
            return (null, failure);
        }

        try
        {
            return (JsonSerializer.Deserialize(body.Span, DirectLineJsonContext.Default.TokenParameters), null);
        }
        catch (JsonException)
        {
            return (null, DirectLineResults.Error(StatusCodes.Status400BadRequest, "BadArgument", "The body is not valid JSON."));
        }
    }

    internal static async Task<(DirectLineCaller? Caller, IResult? Failure)> AuthorizeAsync(HttpContext context, DirectLineAuthenticator authenticator, string? conversationId)
    {
        var (status, caller) = await authenticator.AuthenticateAsync(context).ConfigureAwait(false);
        if (status == DirectLineTokenStatus.Expired)
        {
            // 403, as Azure's Direct Line answers: DirectLineJS (inside Web Chat) reads a 403 as "token expired" and
            // lets the page supply a new token, whereas any other 4xx fails the send for good.
            return (null, DirectLineResults.Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired."));
        }

        if (caller is null)
        {
            return (null, DirectLineResults.Unauthorized("A valid Direct Line secret or token is required."));
        }

        if (conversationId is not null && !caller.CanAccess(conversationId))
        {
            return (null, DirectLineResults.Error(StatusCodes.Status403Forbidden, "Forbidden", "The token is not valid for this conversation."));
        }

        return (caller, null);
    }
}
