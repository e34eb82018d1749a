using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CompassionBot.Tests.BotFramework;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CompassionBot.Tests.Hosting;

/// <summary>
/// Every error answer of the service's own endpoints is problem+json with a stable <c>type</c>; an identity provider
/// that cannot be reached gives 503 with <c>Retry-After</c>; a body the client never finishes is logged once at debug.
/// </summary>
public sealed class ProblemResponsesTests
{
    private const int RequestBodyIncompleteEvent = 2023;
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("GET", "/no/such/route", null, HttpStatusCode.NotFound)]
    [InlineData("DELETE", "/api/clinicians/enrolments", SmsTestHost.ApiKey, HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/api/clinicians/enrolments/enr-missing", null, HttpStatusCode.Unauthorized)]
    [InlineData("GET", "/api/clinicians/enrolments/enr-missing", "not-a-key", HttpStatusCode.Unauthorized)]
    [InlineData("GET", "/api/clinicians/enrolments/enr-missing", SmsTestHost.ApiKey, HttpStatusCode.NotFound)]
    [InlineData("POST", "/api/sms/twilio", null, HttpStatusCode.Forbidden)]
    [InlineData("PUT", "/api/messages", null, HttpStatusCode.MethodNotAllowed)]
    public async Task Request_Refused_IsProblemJsonWithAStableType(string method, string path, string? apiKey, HttpStatusCode expected)
    {
        await using var sut = await SmsTestHost.StartAsync(Now);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", apiKey);
        }

        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["MessageSid"] = "SM1", ["From"] = SmsTestHost.Client, ["Body"] = "hi" });
        }

        using var response = await sut.Http.SendAsync(request, Ct);

        await AssertProblemAsync(response, expected);
    }

    [Fact]
    public async Task Post_SignedTwilioFormWithANulInAValue_IsRefusedAsProblemJson()
    {
        await using var sut = await SmsTestHost.StartAsync(Now);

        using var response = await sut.PostSmsAsync(SmsTestHost.Client, "hi\0there");

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task Post_IdentityProviderUnreachable_Is503WithRetryAfterAndNoTurn()
    {
        var identity = await FakeIdentityProvider.StartAsync();
        var (channel, emulator) = (identity.ChannelMetadataUrl.AbsoluteUri, identity.EmulatorMetadataUrl.AbsoluteUri);
        var token = identity.CreateToken("6a1c7e2b-3f51-4c1e-9a55-0d2f1f6b7c11", "https://smba.trafficmanager.net/amer/", Now);
        await identity.DisposeAsync();
        await using var sut = new BotFrameworkTestHost(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "6a1c7e2b-3f51-4c1e-9a55-0d2f1f6b7c11",
            ["MicrosoftAppPassword"] = "secret",
            ["ToBotFromChannelOpenIdMetadataUrl"] = channel,
            ["ToBotFromEmulatorOpenIdMetadataUrl"] = emulator,
        });

        using var response = await sut.Client.SendAsync(Activities.Post(Activities.Message("https://smba.trafficmanager.net/amer/"), token), Ct);

        await AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Empty(sut.Bot.Seen);
        Assert.Contains(sut.Logs.Entries, e => e.EventId.Id == 2022);
    }

    [Fact]
    public async Task Post_BodyTooSlow_LoggedOnceAtDebugAndAnswered408ProblemWithoutAnError()
    {
        var logs = new CollectingLoggerProvider();
        using var folder = new TempDirectory();
        await using var factory = new DirectLineAppFactory(
            folder.Path,
            useTestBot: false,
            settings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug" },
            configureServices: services => services.AddSingleton<ILoggerProvider>(logs));
        var address = factory.BaseAddress;
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port, Ct);
        var stream = client.GetStream();

        // Kestrel's minimum body data rate (240 bytes/s after a 5 s grace period) ends a body that stops arriving.
        var head = $"POST /api/messages HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n{{\"type\":\"message\",";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), Ct);
        await stream.FlushAsync(Ct);
        for (var wait = 0; wait < 400 && !logs.Entries.Any(e => e.EventId.Id == RequestBodyIncompleteEvent); wait++)
        {
            await Task.Delay(50, Ct);
        }

        var answer = await ReadAnswerAsync(stream);
        Assert.Single(logs.Entries, e => e.EventId.Id == RequestBodyIncompleteEvent && e.Level == LogLevel.Debug);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.StartsWith("HTTP/1.1 408", answer, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", answer, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> ReadAnswerAsync(NetworkStream stream)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var buffer = new byte[8192];
        var answer = new StringBuilder();
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            // Kestrel may keep the connection open or reset it after answering: what arrived is the answer.
        }

        return answer.ToString();
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal((int)expected, json.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("type").GetString()));
        Assert.False(json.RootElement.TryGetProperty("traceId", out _));
        Assert.DoesNotContain("   at ", json.RootElement.GetRawText(), StringComparison.Ordinal);
    }
}
