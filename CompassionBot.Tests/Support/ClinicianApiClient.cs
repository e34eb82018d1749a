using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CompassionBot.Tests.Support;

/// <summary>A clinician calling <c>/api/clinicians</c> with their API key.</summary>
public sealed class ClinicianApiClient(HttpClient http, string apiKey)
{
    /// <summary>Sends <paramref name="method"/> <paramref name="path"/> (under <c>/api/clinicians</c>) with an optional JSON body.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, "/api/clinicians" + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", apiKey);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Sends and reads the JSON answer, asserting a success status.</summary>
    public async Task<JsonNode> SendOkAsync(HttpMethod method, string path, object? body = null)
    {
        using var response = await SendAsync(method, path, body);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public Task<JsonNode> GetAsync(string path) => SendOkAsync(HttpMethod.Get, path);

    /// <summary>Creates a client; returns its id and first link code.</summary>
    public async Task<(string Id, string Code)> CreateClientAsync(string alias = "Client A", string? locale = null, string? phone = null)
    {
        var created = await SendOkAsync(HttpMethod.Post, "/clients", new { alias, locale, phone });
        return ((string)created["client"]!["id"]!, (string)created["linkCode"]!["code"]!);
    }

    /// <summary>The channels the client shares their history from.</summary>
    public async Task<IReadOnlyList<string>> LinkedChannelsAsync(string clientId) =>
        [.. (await GetAsync($"/clients/{clientId}"))["linkedChannels"]!.AsArray().Select(c => (string)c!)];

    /// <summary>The problem details of a failed answer.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }
}
