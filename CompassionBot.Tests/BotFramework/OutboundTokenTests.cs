using System.Net;
using CompassionBot.BotFramework;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CompassionBot.Tests.BotFramework;

/// <summary>Outbound tokens from MSAL (fake token endpoint) and proactive messages through the fake Connector.</summary>
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
    public async Task SendAsync_StoredTeamsReference_ReachesConnectorWithPathAndToken()
    {
        await SendAsync("hello");
        var stored = await _sut.References.GetAsync("msteams", ConversationId, TestContext.Current.CancellationToken);
        var sut = _sut.Services.GetRequiredService<ProactiveMessenger>();

        var delivery = await sut.SendAsync(stored!.Reference, Activity.CreateMessage("time for a check-in"), TestContext.Current.CancellationToken);

        Assert.True(delivery.Delivered);
        var post = _connector.Posts[^1];
        Assert.Equal("/amer/v3/conversations/a%3A1Xy%40thread.skype%3Apersonal/activities", post.Path);
        Assert.Equal("Bearer access-token-1", post.Authorization);
        Assert.Equal("29:user-1", post.Activity.Recipient?.Id);
        Assert.Equal("28:bot-app", post.Activity.From?.Id);
        Assert.Equal(delivery, (await _sut.References.GetAsync("msteams", ConversationId, TestContext.Current.CancellationToken))!.LastDelivery);
    }

    [Fact]
    public async Task SendAsync_UnverifiedServiceUrl_IsNotDeliveredAndGetsNoToken()
    {
        var sut = _sut.Services.GetRequiredService<ProactiveMessenger>();
        var reference = new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = _connector.ServiceUrl,
            Conversation = new ConversationAccount { Id = ConversationId },
        };

        var delivery = await sut.SendAsync(reference, Activity.CreateMessage("hi"), TestContext.Current.CancellationToken);

        Assert.False(delivery.Delivered);
        Assert.Empty(_connector.Posts);
        Assert.Equal(0, _identity.TokenRequests);
    }

    private async Task SendAsync(string text)
    {
        var token = _identity.CreateToken(AppId, _connector.ServiceUrl, _sut.Time.GetUtcNow());
        var response = await _sut.Client.SendAsync(
            Activities.Post(Activities.Message(_connector.ServiceUrl, text, conversationId: ConversationId), token), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _sut.WhenTurnsIdleAsync();
    }
}
