using System.Text.Json;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace CompassionBot.BotFramework;

/// <summary>Reads and checks the inbound activity: method, content type, size, JSON, required fields.</summary>
internal static class ActivityRequestReader
{
    /// <summary>Largest accepted body, in bytes (the Direct Line limit).</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static async Task<(Activity? Activity, ProblemDetails? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            request.HttpContext.Response.Headers.Allow = "POST";
            return Fail(StatusCodes.Status405MethodNotAllowed, "Method not allowed", "Send activities with POST.");
        }

        if (!request.HasJsonContentType())
        {
            return Fail(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "The body must be application/json.");
        }

        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Fail(StatusCodes.Status413PayloadTooLarge, "Activity too large", $"The body must be at most {MaxBodyBytes} bytes.");
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize(body, BotJsonContext.Default.Activity);
        }
        catch (JsonException)
        {
            return Fail(StatusCodes.Status400BadRequest, "Malformed JSON", "The body is not a valid JSON activity.");
        }

        if (activity is null)
        {
            return Fail(StatusCodes.Status400BadRequest, "Malformed JSON", "The body is not a JSON object.");
        }

        var missing = new List<string>();
        AddIfMissing(activity.Type, "type", missing);
        AddIfMissing(activity.Conversation?.Id, "conversation.id", missing);
        AddIfMissing(activity.ChannelId, "channelId", missing);
        var expectReplies = string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.Ordinal);
        if (!expectReplies && !IsServiceUrl(activity.ServiceUrl))
        {
            missing.Add("serviceUrl");
        }

        return missing.Count > 0
            ? Fail(StatusCodes.Status400BadRequest, "Invalid activity", $"Missing or invalid: {string.Join(", ", missing)}.")
            : (activity, null);
    }

    private static bool IsServiceUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);

    private static void AddIfMissing(string? value, string name, List<string> missing)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            missing.Add(name);
        }
    }

    private static (Activity?, ProblemDetails?) Fail(int status, string title, string detail) =>
        (null, new ProblemDetails { Status = status, Title = title, Detail = detail });
}
