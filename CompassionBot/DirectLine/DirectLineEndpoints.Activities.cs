using System.Security.Claims;
using System.Text.Json;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Telemetry;

namespace CompassionBot.DirectLine;

internal static partial class DirectLineEndpoints
{
    private static async Task<IResult> PostActivityAsync(string conversationId, HttpContext context, ClaimsPrincipal user, DirectLineConversationService conversations, ILogger<DirectLineConversationService> logger)
    {
        var caller = DirectLineCaller.From(user);
        var (body, tooLarge) = await DirectLineRequestBody.ReadAsync(context).ConfigureAwait(false);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        var activity = ParseActivity(body);
        if (activity is null || string.IsNullOrEmpty(activity.Type))
        {
            return DirectLineResults.Error(StatusCodes.Status400BadRequest, "BadArgument", "The body must be an activity with a type.");
        }

        if (caller.UserId is null && string.IsNullOrEmpty(activity.From?.Id))
        {
            return DirectLineResults.Error(StatusCodes.Status400BadRequest, "BadArgument", "The activity needs from.id.");
        }

        if (await conversations.FindAsync(conversationId, context.RequestAborted).ConfigureAwait(false) is null)
        {
            return DirectLineResults.NotFound();
        }

        try
        {
            var id = await conversations.PostAsync(conversationId, activity, caller.UserId, context.RequestAborted).ConfigureAwait(false);
            return TypedResults.Json(new ResourceResponse(id), BotJsonContext.Default.ResourceResponse);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Whatever the cause, the client sees Direct Line's "bot rejected" answer and may retry.
            LogPostFailed(logger, conversationId, exception);
            return DirectLineResults.Error(StatusCodes.Status502BadGateway, "BotRejectedActivity", "Failed to send activity: bot returned an error.");
        }
    }

    private static async Task<IResult> GetActivitiesAsync(string conversationId, string? watermark, HttpContext context, DirectLineConversationService conversations)
    {
        if (await conversations.FindAsync(conversationId, context.RequestAborted).ConfigureAwait(false) is null)
        {
            return DirectLineResults.NotFound();
        }

        var set = await conversations.GetActivitiesAsync(conversationId, DirectLineIds.ParseWatermark(watermark), context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Json(set, BotJsonContext.Default.ActivitySet);
    }

    private static async Task<IResult> StreamAsync(string conversationId, string? watermark, HttpContext context, DirectLineConversationService conversations, DirectLineStreamHub hub, IHostApplicationLifetime lifetime)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return DirectLineResults.Error(StatusCodes.Status400BadRequest, "BadArgument", "The stream is a WebSocket.");
        }

        if (await conversations.FindAsync(conversationId, context.RequestAborted).ConfigureAwait(false) is null)
        {
            return DirectLineResults.NotFound();
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        await hub.RunAsync(conversationId, socket, DirectLineIds.ParseWatermark(watermark), stopping.Token).ConfigureAwait(false);
        return TypedResults.Empty;
    }

    private static Activity? ParseActivity(ReadOnlyMemory<byte> body)
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body.Span, BotJsonContext.Default.Activity);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 6020, Level = LogLevel.Error, Message = "Posting an activity to conversation {ConversationId} failed")]
    private static partial void LogPostFailed(ILogger logger, LogId conversationId, Exception exception);
}
