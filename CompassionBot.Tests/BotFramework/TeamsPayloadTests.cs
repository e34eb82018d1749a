using System.Net;
using System.Text;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.BotFramework;

/// <summary>Recorded Teams payload shapes through the real endpoint (local mode, tenant allow-list set).</summary>
public sealed class TeamsPayloadTests : IAsyncLifetime
{
    private const string ClinicTenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string PersonalConversation = "a:17I0kl9EkpE1O9PH5TWrzrLNwnWWcfrU7QZjKR0WSfOpzbfcAg2IaydGElSo10tVr4C7Fc6GtieTJX663WuJCc1uA83n4CSrHSgGBj5XNYLcVlJAs2ZX8DbYBPck201w-";

    private FakeConnector _connector = null!;
    private BotFrameworkTestHost _sut = null!;

    public async ValueTask InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _sut = new BotFrameworkTestHost(new Dictionary<string, string?> { ["BotFramework:AllowedTenantIds:0"] = ClinicTenant });
    }

    public async ValueTask DisposeAsync()
    {
        await _sut.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Post_PersonalMessageWithClientInfoAndTenant_ReachesBotAndReplies()
    {
        var response = await PostAsync(PersonalMessage(ClinicTenant, "Hello Teams TestBot", "{\"tenant\":{\"id\":\"" + ClinicTenant + "\"}}"));
        await _sut.WhenTurnsIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = Assert.Single(_sut.Bot.Seen);
        Assert.Equal("Hello Teams TestBot", seen.Text);
        Assert.Equal(ClinicTenant, seen.Conversation?.TenantId);
        Assert.Equal("US", seen.GetEntity("clientInfo")?.GetString("country"));
        var post = Assert.Single(_connector.Posts);
        Assert.Equal($"/amer/v3/conversations/{Uri.EscapeDataString(PersonalConversation)}/activities/1485983408511", post.Path);
    }

    [Fact]
    public async Task Post_UnknownChannelData_IsTolerated()
    {
        var channelData = "{\"tenant\":{\"id\":\"" + ClinicTenant + "\"},\"somethingNew\":{\"deep\":[1,2,{\"x\":null}]},\"notification\":true}";

        var response = await PostAsync(PersonalMessage(ClinicTenant, "hi", channelData));
        await _sut.WhenTurnsIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_connector.Posts);
    }

    [Fact]
    public async Task Post_PersonalInstallConversationUpdate_ReachesBotWhichWelcomes()
    {
        var json = "{\"membersAdded\":[{\"id\":\"28:c9e8c047-2a74-40a2-b28a-b162d5f5327c\"},{\"id\":\"29:1XJKJMvc5GBtc2\",\"aadObjectId\":\"7faf8ab2-3d56-4244-b585-20c8a42ed2b8\"}]," +
            "\"type\":\"conversationUpdate\",\"timestamp\":\"2026-03-02T09:00:00.000Z\",\"channelId\":\"msteams\",\"serviceUrl\":\"" + _connector.ServiceUrl + "\"," +
            "\"from\":{\"id\":\"29:1XJKJMvc5GBtc2\"},\"conversation\":{\"conversationType\":\"personal\",\"id\":\"" + PersonalConversation + "\"}," +
            "\"recipient\":{\"id\":\"28:c9e8c047-2a74-40a2-b28a-b162d5f5327c\"},\"channelData\":{\"tenant\":{\"id\":\"" + ClinicTenant + "\"}}}";

        var response = await PostAsync(json);
        await _sut.WhenTurnsIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = Assert.Single(_connector.Posts);
        Assert.Equal("welcome", post.Activity.Text);
        Assert.Equal($"/amer/v3/conversations/{Uri.EscapeDataString(PersonalConversation)}/activities", post.Path);
        Assert.Equal(1, await _sut.ReferenceCountAsync());
    }

    [Fact]
    public async Task Post_InstallationUpdateAdd_ReachesBotWhichWelcomes()
    {
        var json = "{\"type\":\"installationUpdate\",\"action\":\"add\",\"id\":\"f:1\",\"channelId\":\"msteams\",\"serviceUrl\":\"" + _connector.ServiceUrl + "\"," +
            "\"from\":{\"id\":\"29:1XJKJMvc5GBtc2\"},\"conversation\":{\"conversationType\":\"personal\",\"id\":\"" + PersonalConversation + "\"}," +
            "\"recipient\":{\"id\":\"28:bot\"},\"channelData\":{\"tenant\":{\"id\":\"" + ClinicTenant + "\"},\"source\":{\"name\":\"message\"}}}";

        await PostAsync(json);
        await _sut.WhenTurnsIdleAsync();

        Assert.Equal("welcome", Assert.Single(_connector.Posts).Activity.Text);
    }

    [Fact]
    public async Task Post_MentionInGroupChat_BotSeesTextWithoutMention()
    {
        var json = "{\"type\":\"message\",\"id\":\"1600000000001\",\"channelId\":\"msteams\",\"serviceUrl\":\"" + _connector.ServiceUrl + "\"," +
            "\"from\":{\"id\":\"29:user\"},\"conversation\":{\"conversationType\":\"groupChat\",\"isGroup\":true,\"id\":\"19:meeting_abc@thread.v2\",\"tenantId\":\"" + ClinicTenant + "\"}," +
            "\"recipient\":{\"id\":\"28:bot\",\"name\":\"CompassionBot\"},\"text\":\"<at>CompassionBot</at> I need a short break\"," +
            "\"entities\":[{\"type\":\"mention\",\"text\":\"<at>CompassionBot</at>\",\"mentioned\":{\"id\":\"28:bot\",\"name\":\"CompassionBot\"}}]," +
            "\"channelData\":{\"tenant\":{\"id\":\"" + ClinicTenant + "\"}}}";

        await PostAsync(json);
        await _sut.WhenTurnsIdleAsync();

        Assert.Equal("I need a short break", Assert.Single(_sut.Bot.Seen).Text);
    }

    [Fact]
    public async Task Post_UnknownInvoke_Returns501()
    {
        var json = "{\"type\":\"invoke\",\"name\":\"composeExtension/queryLink\",\"id\":\"f:2\",\"channelId\":\"msteams\",\"serviceUrl\":\"" + _connector.ServiceUrl + "\"," +
            "\"from\":{\"id\":\"29:user\"},\"conversation\":{\"conversationType\":\"personal\",\"id\":\"" + PersonalConversation + "\"}," +
            "\"recipient\":{\"id\":\"28:bot\"},\"value\":{\"url\":\"https://example.org\"},\"channelData\":{\"tenant\":{\"id\":\"" + ClinicTenant + "\"}}}";

        var response = await PostAsync(json);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task Post_TenantNotAllowed_PoliteRefusalAndNothingStored()
    {
        const string otherTenant = "0d6b2c1a-0000-4000-8000-000000000000";

        var response = await PostAsync(PersonalMessage(otherTenant, "hello", "{\"tenant\":{\"id\":\"" + otherTenant + "\"}}"));
        await _sut.WhenTurnsIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_sut.Bot.Seen);
        Assert.Equal(0, await _sut.ReferenceCountAsync());
        Assert.False(await _sut.HasConversationStateAsync("msteams", PersonalConversation));
        Assert.Contains("clinic", Assert.Single(_connector.Posts).Activity.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_TenantNotAllowedWithCrisisLanguage_RefusalStillCarriesTheCrisisReferral()
    {
        const string otherTenant = "0d6b2c1a-0000-4000-8000-000000000000";

        await PostAsync(PersonalMessage(otherTenant, "i want to kill myself", "{\"tenant\":{\"id\":\"" + otherTenant + "\"}}"));
        await _sut.WhenTurnsIdleAsync();

        var texts = _connector.Posts.Select(p => p.Activity.Text ?? string.Empty).ToList();
        Assert.Empty(_sut.Bot.Seen);
        Assert.False(await _sut.HasConversationStateAsync("msteams", PersonalConversation));
        Assert.Equal(3, texts.Count);
        Assert.Contains("988", texts[1], StringComparison.Ordinal);
        Assert.Contains("clinic", texts[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("i want to kill myself", 2)]
    [InlineData("hello again", 0)]
    public async Task Post_TenantNotAllowedEditsAMessage_OnlyCrisisLanguageIsAnswered(string text, int expectedPosts)
    {
        const string otherTenant = "0d6b2c1a-0000-4000-8000-000000000000";
        var edit = PersonalMessage(otherTenant, text, "{\"eventType\":\"editMessage\",\"tenant\":{\"id\":\"" + otherTenant + "\"}}")
            .Replace("\"type\":\"message\"", "\"type\":\"messageUpdate\"", StringComparison.Ordinal);

        var response = await PostAsync(edit);
        await _sut.WhenTurnsIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_sut.Bot.Seen);
        var texts = _connector.Posts.Select(p => p.Activity.Text ?? string.Empty).ToList();
        Assert.Equal(expectedPosts, texts.Count);
        Assert.All(texts, t => Assert.DoesNotContain("clinic", t, StringComparison.Ordinal));
        if (expectedPosts > 0)
        {
            Assert.Contains("988", texts[1], StringComparison.Ordinal);
        }
    }

    private string PersonalMessage(string tenant, string text, string channelData) =>
        "{\"type\":\"message\",\"id\":\"1485983408511\",\"timestamp\":\"2017-02-01T21:10:07.437Z\",\"localTimestamp\":\"2017-02-01T14:10:07.437-07:00\"," +
        "\"serviceUrl\":\"" + _connector.ServiceUrl + "\",\"channelId\":\"msteams\"," +
        "\"from\":{\"id\":\"29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw\",\"aadObjectId\":\"7faf8ab2-3d56-4244-b585-20c8a42ed2b8\"}," +
        "\"conversation\":{\"conversationType\":\"personal\",\"tenantId\":\"" + tenant + "\",\"id\":\"" + PersonalConversation + "\"}," +
        "\"recipient\":{\"id\":\"28:c9e8c047-2a74-40a2-b28a-b162d5f5327c\",\"name\":\"Teams TestBot\"},\"textFormat\":\"plain\",\"text\":\"" + text + "\"," +
        "\"entities\":[{\"locale\":\"en-US\",\"country\":\"US\",\"platform\":\"Windows\",\"timezone\":\"America/Los_Angeles\",\"type\":\"clientInfo\"}]," +
        "\"channelData\":" + channelData + ",\"locale\":\"en-US\"}";

    private async Task<HttpResponseMessage> PostAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await _sut.Client.PostAsync("/api/messages", content, TestContext.Current.CancellationToken);
    }
}
