using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CompassionBot.Tests.BotFramework;

/// <summary>Inbound activity payloads, as channels send them.</summary>
internal static class Activities
{
    public static JsonObject Message(
        string serviceUrl, string text = "hello", string channelId = "msteams", string conversationId = "a:1Xy@thread.skype:personal", string id = "1485983408511") => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["timestamp"] = "2026-03-02T09:00:00.000Z",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = channelId,
        ["from"] = new JsonObject { ["id"] = "29:user-1", ["name"] = "Person" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot-app", ["name"] = "CompassionBot" },
        ["textFormat"] = "plain",
        ["text"] = text,
        ["locale"] = "en-US",
    };

    public static StringContent Json(JsonNode activity) => new(activity.ToJsonString(), Encoding.UTF8, "application/json");

    public static HttpRequestMessage Post(JsonNode activity, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Json(activity) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
