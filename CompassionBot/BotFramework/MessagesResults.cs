using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CompassionBot.BotFramework;

/// <summary>The answers <c>/api/messages</c> gives when the HTTP response carries the bot's replies.</summary>
internal static class MessagesResults
{
    public static bool IsExpectReplies(Activity activity) =>
        string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.Ordinal);

    /// <summary>The replies of an <c>expectReplies</c> activity (typing indicators left out).</summary>
    public static JsonHttpResult<ExpectedReplies> ExpectedReplies(IReadOnlyList<Activity> replies) =>
        TypedResults.Json(
            new ExpectedReplies([.. replies.Where(r => !string.Equals(r.Type, ActivityTypes.Typing, StringComparison.Ordinal))]),
            BotJsonContext.Default.ExpectedReplies);

    /// <summary>The bot's answer to an <c>invoke</c> (501 when it had none).</summary>
    public static IResult Invoke(InvokeResponse? response) => response switch
    {
        null => TypedResults.StatusCode(StatusCodes.Status501NotImplemented),
        { Body: { } body } => TypedResults.Content(body.GetRawText(), "application/json", statusCode: response.Status),
        _ => TypedResults.StatusCode(response.Status),
    };
}
