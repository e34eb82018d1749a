using System.Net;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.BotFramework;

/// <summary>Inbound JWT validation against keys generated here and served from loopback OpenID metadata.</summary>
public sealed class ChannelAuthenticationTests : IAsyncLifetime
{
    private const string AppId = "6a1c7e2b-3f51-4c1e-9a55-0d2f1f6b7c11";
    private const string OtherAppId = "0b9a6c1e-5d2f-4e3a-8b7c-1a2b3c4d5e6f";
    private const string ConversationId = "a:1Xy@thread.skype:personal";

    private FakeIdentityProvider _identity = null!;
    private FakeConnector _connector = null!;
    private BotFrameworkTestHost _sut = null!;

    public async ValueTask InitializeAsync()
    {
        _identity = await FakeIdentityProvider.StartAsync();
        _connector = await FakeConnector.StartAsync();
        _sut = new BotFrameworkTestHost(
            new Dictionary<string, string?>
            {
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "secret",
                ["ToBotFromChannelOpenIdMetadataUrl"] = _identity.ChannelMetadataUrl.AbsoluteUri,
                ["ToBotFromEmulatorOpenIdMetadataUrl"] = _identity.EmulatorMetadataUrl.AbsoluteUri,
            },
            services => OutboundTokenTests.RedirectMsal(services, _identity));
    }

    public async ValueTask DisposeAsync()
    {
        await _sut.DisposeAsync();
        await _connector.DisposeAsync();
        await _identity.DisposeAsync();
    }

    private DateTimeOffset Now => _sut.Time.GetUtcNow();

    [Fact]
    public async Task Post_ValidChannelToken_IsProcessed()
    {
        var token = _identity.CreateToken(AppId, _connector.ServiceUrl, Now);

        var response = await PostAsync(token);
        await _sut.WhenTurnsIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_sut.Bot.Seen);
        Assert.Equal(1, await _sut.ReferenceCountAsync());
        Assert.Equal("urn:botframework:azure", _sut.Bot.Seen.Single().CallerId);
    }

    [Fact]
    public Task Post_NoToken_Returns401() => AssertRefusedAsync(null, HttpStatusCode.Unauthorized);

    [Fact]
    public Task Post_WrongIssuer_Returns401() =>
        AssertRefusedAsync(_identity.CreateToken(AppId, _connector.ServiceUrl, Now, issuer: "https://evil.example"), HttpStatusCode.Unauthorized);

    [Fact]
    public Task Post_WrongAudience_Returns401() =>
        AssertRefusedAsync(_identity.CreateToken("https://api.botframework.com", _connector.ServiceUrl, Now), HttpStatusCode.Unauthorized);

    [Fact]
    public Task Post_TokenForAnotherAppId_Returns401() =>
        AssertRefusedAsync(_identity.CreateToken(OtherAppId, _connector.ServiceUrl, Now), HttpStatusCode.Unauthorized);

    [Fact]
    public Task Post_ExpiredBeyondSkew_Returns401() =>
        AssertRefusedAsync(
            _identity.CreateToken(AppId, _connector.ServiceUrl, Now, notBeforeOffset: TimeSpan.FromHours(-2), lifetime: TimeSpan.FromMinutes(114)),
            HttpStatusCode.Unauthorized);

    [Fact]
    public Task Post_NotYetValidBeyondSkew_Returns401() =>
        AssertRefusedAsync(_identity.CreateToken(AppId, _connector.ServiceUrl, Now, notBeforeOffset: TimeSpan.FromMinutes(6)), HttpStatusCode.Unauthorized);

    [Fact]
    public async Task Post_ExpiredWithinSkew_IsProcessed()
    {
        var token = _identity.CreateToken(AppId, _connector.ServiceUrl, Now, notBeforeOffset: TimeSpan.FromHours(-1), lifetime: TimeSpan.FromMinutes(56));

        var response = await PostAsync(token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public Task Post_ServiceUrlClaimMismatch_Returns403() =>
        AssertRefusedAsync(_identity.CreateToken(AppId, "https://smba.trafficmanager.net/amer/", Now), HttpStatusCode.Forbidden);

    [Fact]
    public Task Post_KeyNotEndorsedForChannel_Returns403() =>
        AssertRefusedAsync(_identity.CreateToken(AppId, _connector.ServiceUrl, Now, keyId: FakeIdentityProvider.WebChatOnlyKeyId), HttpStatusCode.Forbidden);

    [Fact]
    public async Task Post_UnknownKid_RefreshesKeysOnceThenReturns401()
    {
        await AssertRefusedAsync(_identity.CreateToken(AppId, _connector.ServiceUrl, Now, keyId: FakeIdentityProvider.UnpublishedKeyId), HttpStatusCode.Unauthorized);

        Assert.Equal(2, _identity.KeyRequests);
    }

    [Fact]
    public async Task Post_KeyPublishedAfterFirstFetch_IsAcceptedAfterRefresh()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(_identity.CreateToken(AppId, _connector.ServiceUrl, Now))).StatusCode);
        _identity.Publish(FakeIdentityProvider.UnpublishedKeyId);

        var response = await PostAsync(_identity.CreateToken(AppId, _connector.ServiceUrl, Now, keyId: FakeIdentityProvider.UnpublishedKeyId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _identity.KeyRequests);
    }

    [Fact]
    public async Task Post_ManyRequests_FetchKeysOnce()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(_identity.CreateToken(AppId, _connector.ServiceUrl, Now))).StatusCode);
        }

        Assert.Equal(1, _identity.KeyRequests);
    }

    [Fact]
    public Task Post_AlgNone_Returns401() =>
        AssertRefusedAsync(FakeIdentityProvider.CreateUnsignedToken(AppId, _connector.ServiceUrl, Now), HttpStatusCode.Unauthorized);

    [Fact]
    public Task Post_TamperedPayload_Returns401() =>
        AssertRefusedAsync(FakeIdentityProvider.Tamper(_identity.CreateToken(OtherAppId, _connector.ServiceUrl, Now), "aud", AppId), HttpStatusCode.Unauthorized);

    [Fact]
    public async Task Post_EmulatorTokenOnEmulatorChannel_IsProcessed()
    {
        var token = EmulatorToken(AppId);

        var response = await PostAsync(token, channelId: "emulator");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public Task Post_EmulatorTokenOnTeamsChannel_Returns403() => AssertRefusedAsync(EmulatorToken(AppId), HttpStatusCode.Forbidden);

    [Fact]
    public Task Post_EmulatorTokenForAnotherApp_Returns401() =>
        AssertRefusedAsync(EmulatorToken(OtherAppId), HttpStatusCode.Unauthorized, channelId: "emulator");

    private string EmulatorToken(string appIdClaim) => _identity.CreateToken(
        AppId,
        serviceUrl: null,
        Now,
        issuer: "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        extraClaims: new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = appIdClaim });

    private async Task<HttpResponseMessage> PostAsync(string? token, string channelId = "msteams") =>
        await _sut.Client.SendAsync(Activities.Post(Activities.Message(_connector.ServiceUrl, channelId: channelId, conversationId: ConversationId), token), TestContext.Current.CancellationToken);

    private async Task AssertRefusedAsync(string? token, HttpStatusCode expected, string channelId = "msteams")
    {
        var response = await PostAsync(token, channelId);
        await _sut.WhenTurnsIdleAsync();

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(_sut.Bot.Seen);
        Assert.Equal(0, await _sut.ReferenceCountAsync());
        Assert.False(await _sut.HasConversationStateAsync(channelId, ConversationId));
        Assert.Empty(_connector.Posts);
        Assert.Contains(_sut.Logs.Entries, e => e.EventId.Id == 2004);
        Assert.DoesNotContain(_sut.Logs.Entries, e => token is not null && e.Message.Contains(token, StringComparison.Ordinal));
    }
}
