using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CompassionBot.Tests.Support;

/// <summary>
/// One person talking to <c>POST /api/messages</c> over HTTP, as a Bot Framework channel would. <see cref="SayAsync"/>
/// and <see cref="JoinAsync"/> use <c>deliveryMode: expectReplies</c> and return the replies from the response body.
/// </summary>
public sealed class MessagesClient(HttpClient http, string conversationId, string userId = "user-1", string channelId = "emulator")
{
    // Shared by every client, so two clients of one conversation never send the same activity id (which would be a
    // repeated delivery).
    private static int _sequence;

    public string ConversationId => conversationId;

    public string UserId => userId;

    public string ChannelId => channelId;

    /// <summary>The serviceUrl put on inbound activities (needed for normal delivery).</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Sends a message with <c>expectReplies</c>; returns the replies (200 is asserted).</summary>
    public Task<IReadOnlyList<JsonElement>> SayAsync(string text, CancellationToken cancellationToken) =>
        ExpectRepliesAsync(Message(text), cancellationToken);

    /// <summary>Sends a <c>conversationUpdate</c> adding the person, with <c>expectReplies</c>.</summary>
    public Task<IReadOnlyList<JsonElement>> JoinAsync(CancellationToken cancellationToken) =>
        ExpectRepliesAsync(Join(), cancellationToken);

    /// <summary>A message activity from this person (normal delivery unless <c>deliveryMode</c> is set on it).</summary>
    public JsonObject Message(string text)
    {
        var activity = Envelope("message");
        activity["text"] = text;
        activity["textFormat"] = "plain";
        return activity;
    }

    /// <summary>
    /// An edit of the message <paramref name="editedId"/> to <paramref name="text"/>, as Teams sends it: a
    /// <c>messageUpdate</c> with the revised message's fields and <c>channelData.eventType</c> <c>editMessage</c>.
    /// </summary>
    public JsonObject Edit(string editedId, string text)
    {
        var activity = Message(text);
        activity["type"] = "messageUpdate";
        activity["id"] = editedId;
        activity["channelData"] = new JsonObject { ["eventType"] = "editMessage" };
        return activity;
    }

    /// <summary>A <c>conversationUpdate</c> adding this person.</summary>
    public JsonObject Join()
    {
        var activity = Envelope("conversationUpdate");
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = userId, ["name"] = "Person" });
        return activity;
    }

    /// <summary>Posts <paramref name="activity"/> as it is.</summary>
    public Task<HttpResponseMessage> PostAsync(JsonObject activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        return http.PostAsync(new Uri("api/messages", UriKind.Relative), content, cancellationToken);
    }

    /// <summary>Posts with <c>expectReplies</c> and returns the replies (200 is asserted).</summary>
    public async Task<IReadOnlyList<JsonElement>> ExpectRepliesAsync(JsonObject activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity["deliveryMode"] = "expectReplies";
        using var response = await PostAsync(activity, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return [.. document.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.Clone())];
    }

    /// <summary>The texts of the message replies.</summary>
    public static IReadOnlyList<string> Texts(IEnumerable<JsonElement> replies) =>
        [.. replies.Where(r => r.GetProperty("type").GetString() == "message").Select(r => r.TryGetProperty("text", out var t) ? t.GetString() ?? string.Empty : string.Empty)];

    private JsonObject Envelope(string type)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = $"{conversationId}-{Interlocked.Increment(ref _sequence)}",
            ["channelId"] = channelId,
            ["from"] = new JsonObject { ["id"] = userId, ["name"] = "Person", ["role"] = "user" },
            ["recipient"] = new JsonObject { ["id"] = "bot", ["name"] = "CompassionBot", ["role"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["locale"] = "en-US",
        };
        if (ServiceUrl is not null)
        {
            activity["serviceUrl"] = ServiceUrl;
        }

        return activity;
    }
}
