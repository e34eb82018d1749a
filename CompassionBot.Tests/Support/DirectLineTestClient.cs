using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CompassionBot.Dialogs.Schema;

namespace CompassionBot.Tests.Support;

/// <summary>Speaks Direct Line 3.0 to a test host the way DirectLineJS does.</summary>
public sealed class DirectLineTestClient(HttpClient http)
{
    public const string Prefix = "/v3/directline";

    public HttpClient Http => http;

    public async Task<JsonObject> GenerateTokenAsync(string? userId = null, string secret = DirectLineAppFactory.Secret)
    {
        var body = userId is null ? "" : $$$"""{"user":{"id":"{{{userId}}}"}}""";
        using var response = await SendAsync(HttpMethod.Post, $"{Prefix}/tokens/generate", secret, body);
        response.EnsureSuccessStatusCode();
        return await ReadObjectAsync(response);
    }

    /// <summary>Starts a conversation in <paramref name="locale"/> (DirectLineJS's <c>conversationStartProperties</c>).</summary>
    public async Task<(string ConversationId, string Token)> StartAsync(string? userId = "dl_test-user", string locale = "en-US")
    {
        var generated = await GenerateTokenAsync(userId);
        var token = (string)generated["token"]!;
        using var response = await SendAsync(HttpMethod.Post, $"{Prefix}/conversations", token, $$$"""{"locale":"{{{locale}}}"}""");
        response.EnsureSuccessStatusCode();
        var started = await ReadObjectAsync(response);
        return ((string)started["conversationId"]!, (string)started["token"]!);
    }

    /// <summary>Posts a message as Web Chat does; without <paramref name="clientActivityId"/>, a new one (a new message, not a retry).</summary>
    public Task<HttpResponseMessage> PostMessageAsync(string conversationId, string token, string text, string? clientActivityId = null, string fromId = "someone", string locale = "en-US") =>
        SendAsync(HttpMethod.Post, $"{Prefix}/conversations/{conversationId}/activities", token,
            $$$"""{"type":"message","text":"{{{text}}}","from":{"id":"{{{fromId}}}","role":"user"},"locale":"{{{locale}}}","channelData":{"clientActivityID":"{{{clientActivityId ?? Guid.NewGuid().ToString("N")}}}"}}""");

    public async Task<ActivitySet> GetActivitiesAsync(string conversationId, string token, string? watermark = null)
    {
        var query = watermark is null ? "" : $"?watermark={watermark}";
        using var response = await SendAsync(HttpMethod.Get, $"{Prefix}/conversations/{conversationId}/activities{query}", token);
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonSerializer.Deserialize(json, BotJsonContext.Default.ActivitySet)!;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? bearer, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>The WebSocket URL of <paramref name="conversationId"/> (reconnect from <paramref name="watermark"/> when given).</summary>
    public async Task<string> StreamUrlAsync(string conversationId, string token, string? watermark = null)
    {
        var query = watermark is null ? "" : $"?watermark={watermark}";
        using var response = await SendAsync(HttpMethod.Get, $"{Prefix}/conversations/{conversationId}{query}", token);
        response.EnsureSuccessStatusCode();
        return (string)(await ReadObjectAsync(response))["streamUrl"]!;
    }

    public static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
}
