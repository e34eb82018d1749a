using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Operations;

/// <summary>
/// The service at its most talkative (every category at Trace, request logging explicitly on) serves a Direct Line
/// conversation, an SMS exchange and clinician calls that carry unique markers; nothing a person wrote, no credential
/// and no phone number reaches any log line. Credentials in a URL are refused except the stream's <c>t</c>.
/// </summary>
public sealed class LogScanTests
{
    private const string Phone = "+14155559876";
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Traffic_EveryCategoryAtTrace_LeavesNoMarkerCredentialOrPhoneInTheLogs()
    {
        var secret = "dl-secret-" + Guid.NewGuid().ToString("N");
        await using var sut = await StartAsync(secret);
        var dlMarker = "dl-marker-" + Guid.NewGuid().ToString("N");
        var smsMarker = "sms-marker-" + Guid.NewGuid().ToString("N");
        var queryMarker = "query-marker-" + Guid.NewGuid().ToString("N");

        var (conversationId, token) = await GenerateTokenAsync(sut.Http, secret);
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(sut.Http, HttpMethod.Post, "/v3/directline/conversations", token)).StatusCode);
        var activity = new { type = "message", from = new { id = "ignored" }, text = dlMarker + " I feel anxious" };
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(sut.Http, HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, activity)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(sut.Http, HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark=0&note={queryMarker}", token)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(sut.Http, HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/stream?t={Uri.EscapeDataString(token)}", null)).StatusCode);
        await sut.TextAsync(Phone, smsMarker + " hello");
        var enrolment = await sut.EnrolAsync(Phone);
        Assert.Equal(HttpStatusCode.OK, (await ClinicianGetAsync(sut.Http, $"/api/clinicians/enrolments/{enrolment}?q={queryMarker}")).StatusCode);

        // The Account SID (an identifier, in Twilio's API paths) holds the test's auth token as a substring.
        var logged = string.Join('\n', sut.Logs.Entries.Select(e => e.Message + "\n" + e.Exception)).Replace(SmsTestHost.AccountSid, "AC…", StringComparison.Ordinal);
        Assert.Contains("/v3/directline/conversations", logged, StringComparison.Ordinal); // the scan sees request-level logs
        string[] forbidden = [secret, token, dlMarker, smsMarker, queryMarker, SmsTestHost.ApiKey, SmsTestHost.AuthToken, Phone, Phone[2..], "415-555-9876", "?t="];
        var found = forbidden.Where(f => logged.Contains(f, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 0, "In the logs: " + string.Join(", ", found));
    }

    [Theory]
    [InlineData("/v3/directline/tokens/generate")]
    [InlineData("/v3/directline/conversations")]
    public async Task Post_SecretInTheQuery_IsNotAccepted(string path)
    {
        var secret = "dl-secret-" + Guid.NewGuid().ToString("N");
        await using var sut = await StartAsync(secret);

        using var response = await SendAsync(sut.Http, HttpMethod.Post, $"{path}?t={secret}", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_TokenInTheQueryOfAnActivity_IsNotAccepted()
    {
        var secret = "dl-secret-" + Guid.NewGuid().ToString("N");
        await using var sut = await StartAsync(secret);
        var (conversationId, token) = await GenerateTokenAsync(sut.Http, secret);

        using var response = await SendAsync(
            sut.Http, HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities?t={Uri.EscapeDataString(token)}", null, new { type = "message", text = "hi" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static Task<SmsTestHost> StartAsync(string secret) =>
        SmsTestHost.StartAsync(Now, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore.HttpLogging"] = "Trace",
            ["DirectLine:Secrets:0"] = secret,
            ["DirectLine:TokenSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        });

    private static async Task<(string ConversationId, string Token)> GenerateTokenAsync(HttpClient http, string secret)
    {
        using var response = await SendAsync(http, HttpMethod.Post, "/v3/directline/tokens/generate", secret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return (json.RootElement.GetProperty("conversationId").GetString()!, json.RootElement.GetProperty("token").GetString()!);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string? bearer, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await http.SendAsync(request, Ct);
    }

    private static async Task<HttpResponseMessage> ClinicianGetAsync(HttpClient http, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", SmsTestHost.ApiKey);
        return await http.SendAsync(request, Ct);
    }
}
