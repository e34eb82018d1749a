using System.Net;
using System.Text.Json;
using CompassionBot.Dialogs.Schema;
using CompassionBot.DirectLine;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CompassionBot.Tests.DirectLine;

public sealed class DirectLineEndpointsTests : IAsyncDisposable
{
    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly DirectLineAppFactory _factory;
    private readonly DirectLineTestClient _sut;

    public DirectLineEndpointsTests()
    {
        _factory = new DirectLineAppFactory(_data.Path, _time, settings: new Dictionary<string, string?> { ["DirectLine:MaxActivityBytes"] = "4096" });
        _sut = new DirectLineTestClient(_factory.CreateLoopbackClient());
    }

    [Fact]
    public async Task StartConversation_WithNewToken_Returns201WithStreamUrlAndWelcomeWaits()
    {
        var generated = await _sut.GenerateTokenAsync("dl_alex");
        var token = (string)generated["token"]!;

        using var response = await _sut.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token, "{}");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await DirectLineTestClient.ReadObjectAsync(response);
        var conversationId = (string)body["conversationId"]!;
        Assert.Equal((string)generated["conversationId"]!, conversationId);
        Assert.Equal(1800, (int)body["expires_in"]!);
        Assert.StartsWith($"ws://127.0.0.1:{_factory.BaseAddress.Port}/v3/directline/conversations/{conversationId}/stream?t=", (string)body["streamUrl"]!, StringComparison.Ordinal);
        var log = await _sut.GetActivitiesAsync(conversationId, token);
        var welcome = Assert.Single(log.Activities);
        Assert.Equal(DirectLineTestBot.Welcome, welcome.Text);
        Assert.Equal("dl_alex", welcome.Recipient?.Id);
        Assert.Equal(DirectLineTestBot.WelcomeChoices, welcome.SuggestedActions!.Actions.Select(a => a.Value));
        Assert.Equal($"{conversationId}|0000001", welcome.Id);
        Assert.Equal("1", log.Watermark);
    }

    [Fact]
    public async Task StartConversation_TokenAlreadyStarted_Returns200AndDoesNotWelcomeTwice()
    {
        var (conversationId, token) = await _sut.StartAsync();

        using var again = await _sut.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token, "{}");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single((await _sut.GetActivitiesAsync(conversationId, token)).Activities);
    }

    [Fact]
    public async Task PostActivity_Message_EchoesWithServerIdTimestampClientActivityIdAndBoundUser()
    {
        var (conversationId, token) = await _sut.StartAsync("dl_alex");

        using var response = await _sut.PostMessageAsync(conversationId, token, "hello", clientActivityId: "c-42", fromId: "r_spoofed");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (string)(await DirectLineTestClient.ReadObjectAsync(response))["id"]!;
        var log = await _sut.GetActivitiesAsync(conversationId, token, watermark: "1");
        Assert.Equal(2, log.Activities.Count);
        var echo = log.Activities[0];
        Assert.Equal(id, echo.Id);
        Assert.Equal("hello", echo.Text);
        Assert.Equal("dl_alex", echo.From?.Id);
        Assert.Equal(_time.GetUtcNow(), echo.Timestamp);
        Assert.Equal("c-42", echo.ChannelData!.Value.GetProperty("clientActivityID").GetString());
        var reply = log.Activities[1];
        Assert.Equal("You said: hello", reply.Text);
        Assert.Equal(id, reply.ReplyToId);
        Assert.Equal("3", log.Watermark);
    }

    [Fact]
    public async Task PostActivity_SameClientActivityIdAgain_ReturnsTheFirstIdAndNeitherLogsNorAnswersItAgain()
    {
        var (conversationId, token) = await _sut.StartAsync();
        using var first = await _sut.PostMessageAsync(conversationId, token, "hello", clientActivityId: "c-retried");
        var firstId = (string)(await DirectLineTestClient.ReadObjectAsync(first))["id"]!;

        using var retried = await _sut.PostMessageAsync(conversationId, token, "hello", clientActivityId: "c-retried");

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(firstId, (string)(await DirectLineTestClient.ReadObjectAsync(retried))["id"]!);
        var log = await _sut.GetActivitiesAsync(conversationId, token, watermark: "1");
        Assert.Equal(["hello", "You said: hello"], log.Activities.Select(a => a.Text));
    }

    [Fact]
    public async Task PostActivity_ClientActivityIdReusedForAnotherMessage_IsLoggedAndAnsweredAsNew()
    {
        var (conversationId, token) = await _sut.StartAsync();
        using var first = await _sut.PostMessageAsync(conversationId, token, "hello", clientActivityId: "c-reused");

        using var other = await _sut.PostMessageAsync(conversationId, token, "something else", clientActivityId: "c-reused");

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        var log = await _sut.GetActivitiesAsync(conversationId, token, watermark: "1");
        Assert.Equal(["hello", "You said: hello", "something else", "You said: something else"], log.Activities.Select(a => a.Text));
        Assert.Equal(log.Activities[2].Id, (string)(await DirectLineTestClient.ReadObjectAsync(other))["id"]!);
    }

    [Fact]
    public async Task PostActivity_SameClientActivityIdInAnotherConversation_IsLoggedAndAnswered()
    {
        var (firstConversation, firstToken) = await _sut.StartAsync();
        var (secondConversation, secondToken) = await _sut.StartAsync();
        using var first = await _sut.PostMessageAsync(firstConversation, firstToken, "hello", clientActivityId: "c-shared");

        using var second = await _sut.PostMessageAsync(secondConversation, secondToken, "hello", clientActivityId: "c-shared");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var log = await _sut.GetActivitiesAsync(secondConversation, secondToken, watermark: "1");
        Assert.Equal(["hello", "You said: hello"], log.Activities.Select(a => a.Text));
    }

    [Fact]
    public async Task PostActivity_EchoJson_CarriesIsoTimestampString()
    {
        var (conversationId, token) = await _sut.StartAsync();
        using var post = await _sut.PostMessageAsync(conversationId, token, "hi");

        using var response = await _sut.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark=1", token);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var timestamp = json.RootElement.GetProperty("activities")[0].GetProperty("timestamp");
        Assert.Equal(JsonValueKind.String, timestamp.ValueKind);
        Assert.Equal("2026-03-02T09:00:00+00:00", timestamp.GetString());
    }

    [Fact]
    public async Task GetActivities_WithWatermark_ReturnsOnlyNewerAndNoTyping()
    {
        var (conversationId, token) = await _sut.StartAsync();
        using var first = await _sut.PostMessageAsync(conversationId, token, "one");
        var afterFirst = (await _sut.GetActivitiesAsync(conversationId, token)).Watermark;

        using var second = await _sut.PostMessageAsync(conversationId, token, "two", clientActivityId: "client-2");
        var newer = await _sut.GetActivitiesAsync(conversationId, token, afterFirst);

        Assert.Equal(["two", "You said: two"], newer.Activities.Select(a => a.Text));
        Assert.DoesNotContain(newer.Activities, a => a.Type == ActivityTypes.Typing);
        Assert.Equal("5", newer.Watermark);
    }

    [Fact]
    public async Task Reconnect_WithWatermark_ReturnsFreshTokenAndStreamUrlFromWatermark()
    {
        var (conversationId, token) = await _sut.StartAsync();

        using var response = await _sut.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark=1", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await DirectLineTestClient.ReadObjectAsync(response);
        Assert.EndsWith("&watermark=1", (string)body["streamUrl"]!, StringComparison.Ordinal);
        var fresh = (string)body["token"]!;
        Assert.Single((await _sut.GetActivitiesAsync(conversationId, fresh)).Activities);
    }

    [Fact]
    public async Task RefreshToken_BeforeExpiry_ReturnsTokenThatOutlivesTheOldOne()
    {
        var (conversationId, token) = await _sut.StartAsync();
        _time.Advance(TimeSpan.FromMinutes(20));

        using var refresh = await _sut.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token);
        var refreshed = await DirectLineTestClient.ReadObjectAsync(refresh);
        _time.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        Assert.Equal(conversationId, (string)refreshed["conversationId"]!);
        using var withOld = await _sut.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", token);
        using var withNew = await _sut.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", (string)refreshed["token"]!);
        Assert.Equal(HttpStatusCode.Forbidden, withOld.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
    }

    [Fact]
    public async Task AnyEndpoint_ExpiredToken_Returns403TokenExpired()
    {
        var (conversationId, token) = await _sut.StartAsync();
        _time.Advance(TimeSpan.FromMinutes(30));

        using var post = await _sut.PostMessageAsync(conversationId, token, "hello");
        using var read = await _sut.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", token);
        using var reconnect = await _sut.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark=0", token);
        using var refresh = await _sut.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token);

        // DirectLineJS treats only 403 as an expired token (ConnectionStatus.ExpiredToken); a 401 would fail the send.
        foreach (var response in new[] { post, read, reconnect, refresh })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("TokenExpired", (string)(await DirectLineTestClient.ReadObjectAsync(response))["error"]!["code"]!);
        }
    }

    [Fact]
    public async Task AnyEndpoint_TokenBeforeItsNotBefore_Returns401UntilItsNotBefore()
    {
        var (conversationId, _) = await _sut.StartAsync();
        var path = $"/v3/directline/conversations/{conversationId}/activities";
        var early = EarlyToken(conversationId, TimeSpan.FromSeconds(1));

        using var before = await _sut.SendAsync(HttpMethod.Get, path, early);
        _time.Advance(TimeSpan.FromSeconds(1));
        using var at = await _sut.SendAsync(HttpMethod.Get, path, early);

        // Not before its nbf, with no more clock skew than its exp allows (none: AnyEndpoint_ExpiredToken_Returns403TokenExpired).
        Assert.Equal(HttpStatusCode.Unauthorized, before.StatusCode);
        Assert.Equal("Unauthorized", (string)(await DirectLineTestClient.ReadObjectAsync(before))["error"]!["code"]!);
        Assert.Equal(HttpStatusCode.OK, at.StatusCode);
    }

    [Fact]
    public async Task ConversationEndpoints_TokenForAnotherConversation_Return403()
    {
        var (conversationA, _) = await _sut.StartAsync();
        var (_, tokenB) = await _sut.StartAsync();

        using var read = await _sut.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationA}/activities", tokenB);
        using var post = await _sut.PostMessageAsync(conversationA, tokenB, "hello");
        using var reconnect = await _sut.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationA}", tokenB);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reconnect.StatusCode);
    }

    [Theory]
    [InlineData("test-secret-0123456789-abcdefghijklmnoX")]
    [InlineData("short")]
    [InlineData("")]
    public async Task GenerateToken_WrongSecret_Returns401(string secret)
    {
        using var response = await _sut.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GenerateToken_WithAToken_Returns401()
    {
        var (_, token) = await _sut.StartAsync();

        using var response = await _sut.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GenerateToken_WithUser_PutsUserClaimInToken()
    {
        var generated = await _sut.GenerateTokenAsync("dl_sam");

        var payload = ((string)generated["token"]!).Split('.')[1];
        var json = JsonDocument.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=').Replace('-', '+').Replace('_', '/')));
        Assert.Equal("dl_sam", json.RootElement.GetProperty("user").GetString());
    }

    [Fact]
    public async Task PostActivity_Oversize_Returns413()
    {
        var (conversationId, token) = await _sut.StartAsync();

        using var response = await _sut.PostMessageAsync(conversationId, token, new string('a', 5000));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task PostActivity_UnknownConversationWithSecret_Returns404()
    {
        using var response = await _sut.PostMessageAsync("nosuchconversation", DirectLineAppFactory.Secret, "hello");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task StartConversation_WithSecret_CreatesConversationAndReturns201()
    {
        using var response = await _sut.SendAsync(HttpMethod.Post, "/v3/directline/conversations", DirectLineAppFactory.Secret, """{"user":{"id":"dl_kim"}}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await DirectLineTestClient.ReadObjectAsync(response);
        var log = await _sut.GetActivitiesAsync((string)body["conversationId"]!, (string)body["token"]!);
        Assert.Equal("dl_kim", Assert.Single(log.Activities).Recipient?.Id);
    }

    // A token for the conversation signed with the service's key by a clock running ahead of the service's by aheadBy.
    private string EarlyToken(string conversationId, TimeSpan aheadBy)
    {
        var issuer = new DirectLineTokenService(
            _factory.Services.GetRequiredService<DirectLineSigningKey>(),
            _factory.Services.GetRequiredService<IOptions<DirectLineOptions>>(),
            new FakeTimeProvider(_time.GetUtcNow() + aheadBy));
        return issuer.Issue(conversationId, "dl_test-user").Value;
    }

    public async ValueTask DisposeAsync()
    {
        _sut.Http.Dispose();
        await _factory.DisposeAsync();
        _data.Dispose();
    }
}
