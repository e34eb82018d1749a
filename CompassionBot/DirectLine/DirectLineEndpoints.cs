using System.Security.Claims;
using System.Text.Json;

namespace CompassionBot.DirectLine;

/// <summary>The Direct Line 3.0 REST and WebSocket endpoints under <c>/v3/directline</c>.</summary>
internal static partial class DirectLineEndpoints
{
    public const string Prefix = "/v3/directline";
    public const string CorsPolicy = "DirectLine";
    public const string RateLimitPolicy = "DirectLine";

    /// <summary>
    /// Maps the endpoints, each behind its Direct Line policy (<see cref="DirectLineAuthentication"/>); all but token
    /// generation are rate-limited per client address before authentication and per credential after it.
    /// </summary>
    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(Prefix).RequireCors(CorsPolicy);
        group.MapPost("/tokens/generate", GenerateTokenAsync).RequireAuthorization(DirectLineAuthentication.SecretScheme);
        Limited(group.MapPost("/tokens/refresh", RefreshToken)).RequireAuthorization(DirectLineAuthentication.Scheme);
        Limited(group.MapPost("/conversations", StartConversationAsync)).RequireAuthorization(DirectLineAuthentication.Scheme);
        var conversation = Limited(group.MapGroup("/conversations/{" + ConversationAccessRequirement.RouteValue + "}"))
            .RequireAuthorization(DirectLineAuthentication.ConversationPolicy);
        conversation.MapGet("/", ReconnectAsync);
        conversation.MapPost("/activities", PostActivityAsync);
        conversation.MapGet("/activities", GetActivitiesAsync);
        conversation.MapGet("/stream", StreamAsync).WithMetadata(StreamUrlCredential.Accepted);
        return endpoints;
    }

    private static TBuilder Limited<TBuilder>(TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRateLimiting(RateLimitPolicy).AddEndpointFilter<TBuilder, DirectLineCredentialRateLimitFilter>();

    private static async Task<IResult> GenerateTokenAsync(HttpContext context, DirectLineConversationService conversations, DirectLineTokenService tokens)
    {
        var (parameters, failure) = await ReadParametersAsync(context).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        var conversation = await conversations.CreateAsync(parameters?.User?.Id, context.RequestAborted).ConfigureAwait(false);
        var token = tokens.Issue(conversation.Id, conversation.UserId);
        return DirectLineResults.Conversation(StatusCodes.Status200OK, token.Claims.ConversationId, token.Value, tokens.Lifetime, streamUrl: null);
    }

    private static IResult RefreshToken(ClaimsPrincipal user, DirectLineTokenService tokens)
    {
        if (DirectLineCaller.From(user).Token is not { } claims)
        {
            return DirectLineResults.Error(StatusCodes.Status400BadRequest, "BadArgument", "Only a token can be refreshed.");
        }

        var token = tokens.Issue(claims.ConversationId, claims.UserId);
        return DirectLineResults.Conversation(StatusCodes.Status200OK, token.Claims.ConversationId, token.Value, tokens.Lifetime, streamUrl: null);
    }

    private static async Task<IResult> StartConversationAsync(HttpContext context, ClaimsPrincipal user, DirectLineConversationService conversations, DirectLineTokenService tokens, TimeProvider time)
    {
        var (parameters, badBody) = await ReadParametersAsync(context).ConfigureAwait(false);
        if (badBody is not null)
        {
            return badBody;
        }

        var caller = DirectLineCaller.From(user);
        var cancellationToken = context.RequestAborted;
        DirectLineConversation? conversation;
        string tokenValue;
        if (caller.Token is { } claims)
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

    private static async Task<IResult> ReconnectAsync(string conversationId, string? watermark, HttpContext context, ClaimsPrincipal user, DirectLineConversationService conversations, DirectLineTokenService tokens)
    {
        var conversation = await conversations.FindAsync(conversationId, context.RequestAborted).ConfigureAwait(false);
        if (conversation is null)
        {
            return DirectLineResults.NotFound();
        }

        var token = tokens.Issue(conversationId, DirectLineCaller.From(user).UserId ?? conversation.UserId);
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
}
