using System.Net;
using CompassionBot.BotFramework;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CompassionBot.Tests.BotFramework;

/// <summary>Outbound tokens from MSAL (fake token endpoint), sent only to serviceUrls that arrived authenticated.</summary>
public sealed class OutboundTokenTests : IAsyncLifetime
{
    private const string AppId = "6a1c7e2b-3f51-4c1e-9a55-0d2f1f6b7c11";
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
                ["ToChannelFromBotLoginUrl"] = "https://login.fake.invalid/botframework.com",
                ["ValidateAuthority"] = "false",
            },
            services => RedirectMsal(services, _identity));
    }

    public async ValueTask DisposeAsync()
    {
        await _sut.DisposeAsync();
        await _connector.DisposeAsync();
        await _identity.DisposeAsync();
    }

    /// <summary>Sends MSAL's https token requests to the loopback identity provider.</summary>
    internal static void RedirectMsal(IServiceCollection services, FakeIdentityProvider identity) =>
        services.AddHttpClient("BotFramework.Msal").AddHttpMessageHandler(identity.CreateRedirectHandler);

    [Fact]
    public async Task Reply_TwoTurns_UseOneCachedToken()
    {
        await SendAsync("one");
        await SendAsync("two");

        Assert.Equal(1, _identity.TokenRequests);
        Assert.Equal(["Bearer access-token-1", "Bearer access-token-1"], _connector.Posts.Select(p => p.Authorization));
    }

    [Fact]
    public async Task Reply_TokenNearExpiry_IsRefreshed()
    {
        // MSAL refreshes tokens that expire within five minutes.
        _identity.TokenLifetimeSeconds = 120;

        await SendAsync("one");
        await SendAsync("two");

        Assert.Equal(2, _identity.TokenRequests);
        Assert.Equal(["Bearer access-token-1", "Bearer access-token-2"], _connector.Posts.Select(p => p.Authorization));
    }

    [Fact]
    public async Task SendActivityAsync_UnverifiedServiceUrl_IsNotSentAndGetsNoToken()
    {
        var sut = _sut.Services.GetRequiredService<ConnectorClient>();
        var activity = Activity.CreateMessage("hi") with { ChannelId = "msteams", Conversation = new ConversationAccount { Id = ConversationId } };

        await Assert.ThrowsAsync<ConnectorException>(() => sut.SendActivityAsync(_connector.ServiceUrl, activity, TestContext.Current.CancellationToken));

        Assert.Empty(_connector.Posts);
        Assert.Equal(0, _identity.TokenRequests);
    }

    private async Task SendAsync(string text)
    {
        var token = _identity.CreateToken(AppId, _connector.ServiceUrl, _sut.Time.GetUtcNow());
        var response = await _sut.Client.SendAsync(
            Activities.Post(Activities.Message(_connector.ServiceUrl, text, conversationId: ConversationId, id: $"message-{text}"), token), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _sut.WhenTurnsIdleAsync();
    }
}
