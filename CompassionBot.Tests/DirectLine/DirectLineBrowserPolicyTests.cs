using System.Net;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.DirectLine;

/// <summary>What a browser on a clinic's site meets: CORS preflight and the rate limits (per token, per client address).</summary>
public sealed class DirectLineBrowserPolicyTests : IAsyncDisposable
{
    private readonly TempDirectory _data = new();
    private readonly DirectLineAppFactory _factory;
    private readonly DirectLineTestClient _sut;

    public DirectLineBrowserPolicyTests()
    {
        _factory = new DirectLineAppFactory(_data.Path, settings: new Dictionary<string, string?> { ["DirectLine:RateLimitPermits"] = "3" });
        _sut = new DirectLineTestClient(_factory.CreateLoopbackClient());
    }

    [Fact]
    public async Task Preflight_AllowedOrigin_AllowsDirectLineJsHeaders()
    {
        using var response = await PreflightAsync(DirectLineAppFactory.AllowedOrigin);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(DirectLineAppFactory.AllowedOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var allowed = string.Join(',', response.Headers.GetValues("Access-Control-Allow-Headers")).ToUpperInvariant();
        Assert.All(["AUTHORIZATION", "CONTENT-TYPE", "X-MS-BOT-AGENT", "X-REQUESTED-WITH"], h => Assert.Contains(h, allowed, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Preflight_DisallowedOrigin_GetsNoAllowOrigin()
    {
        using var response = await PreflightAsync("https://elsewhere.example");

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task ActualRequest_AllowedOrigin_EchoesOriginAndExposesRetryAfter()
    {
        var (conversationId, token) = await _sut.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities");
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Add("Origin", DirectLineAppFactory.AllowedOrigin);

        using var response = await _sut.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(DirectLineAppFactory.AllowedOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("retry-after", response.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ConversationEndpoints_OverTheTokenLimit_Return429WithRetryAfter()
    {
        var (conversationId, token) = await _sut.StartAsync(); // the start is request 1 of 3
        var path = $"/v3/directline/conversations/{conversationId}/activities";
        using var second = await _sut.SendAsync(HttpMethod.Get, path, token);
        using var third = await _sut.SendAsync(HttpMethod.Get, path, token);

        using var fourth = await _sut.SendAsync(HttpMethod.Get, path, token);
        var (_, otherToken) = await _sut.StartAsync();
        using var otherTokenRequest = await _sut.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", otherToken);

        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.True(int.Parse(fourth.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal(HttpStatusCode.Forbidden, otherTokenRequest.StatusCode);
    }

    [Fact]
    public async Task ConversationEndpoints_UniqueJunkTokensFromOneAddress_MeetTheAddressLimit()
    {
        using var data = new TempDirectory();
        await using var factory = new DirectLineAppFactory(data.Path, settings: new Dictionary<string, string?> { ["DirectLine:ClientRateLimitPermits"] = "5" });
        var sut = new DirectLineTestClient(factory.CreateLoopbackClient());
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 6; i++)
        {
            using var response = await sut.SendAsync(HttpMethod.Get, "/v3/directline/conversations/any/activities", $"junk-token-{i}");
            statuses.Add(response.StatusCode);
        }

        using var limited = await sut.SendAsync(HttpMethod.Get, "/v3/directline/conversations/any/activities", "junk-token-6");
        sut.Http.Dispose();

        // Each made-up token is counted against its address before it is found invalid; none gets a limit of its own.
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
    }

    private async Task<HttpResponseMessage> PreflightAsync(string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent,x-requested-with");
        return await _sut.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _sut.Http.Dispose();
        await _factory.DisposeAsync();
        _data.Dispose();
    }
}
