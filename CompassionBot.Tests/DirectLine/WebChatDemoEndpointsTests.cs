using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.DirectLine;

/// <summary>
/// <c>POST /api/webchat/token</c>, the demo page's token source: a new conversation each time, for the user id the page
/// brings back when it is one of ours, otherwise for a new random one.
/// </summary>
public sealed class WebChatDemoEndpointsTests : IAsyncDisposable
{
    private readonly BotApplicationFactory _factory = new();

    [Fact]
    public async Task Post_NoBody_IssuesNewRandomUser()
    {
        using var sut = _factory.CreateClient();

        var first = await IssueAsync(sut, null);
        var second = await IssueAsync(sut, null);

        Assert.StartsWith("dl_", (string?)first["userId"], StringComparison.Ordinal);
        Assert.NotEqual((string?)first["userId"], (string?)second["userId"]);
    }

    [Fact]
    public async Task Post_ReturningUserId_KeepsTheUserInANewConversation()
    {
        using var sut = _factory.CreateClient();
        var first = await IssueAsync(sut, null);
        var userId = (string)first["userId"]!;

        var second = await IssueAsync(sut, $$$"""{"user":{"id":"{{{userId}}}"}}""");

        Assert.Equal(userId, (string?)second["userId"]);
        Assert.NotEqual((string?)first["conversationId"], (string?)second["conversationId"]);
    }

    [Theory]
    [InlineData("someone@example.com")]
    [InlineData("dl_short")]
    [InlineData("dl_ABCDEFGHIJKLMNOPQ")]
    [InlineData("dl_ABCDEFGHIJKLMN-P")]
    [InlineData("xx_ABCDEFGHIJKLMNOP")]
    [InlineData("")]
    public async Task Post_MalformedUserId_IssuesNewRandomUser(string malformed)
    {
        using var sut = _factory.CreateClient();

        var issued = await IssueAsync(sut, $$$"""{"user":{"id":"{{{malformed}}}"}}""");

        var userId = (string)issued["userId"]!;
        Assert.NotEqual(malformed, userId);
        Assert.Matches("^dl_[A-Za-z0-9]{16}$", userId);
    }

    [Fact]
    public async Task Post_BodyNotJson_IsRefused()
    {
        using var sut = _factory.CreateClient();

        using var response = await PostAsync(sut, "user=dl_ABCDEFGHIJKLMNOP");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private static async Task<JsonObject> IssueAsync(HttpClient client, string? body)
    {
        using var response = await PostAsync(client, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await DirectLineTestClient.ReadObjectAsync(response);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/token");
        request.Headers.Add("x-requested-with", "XMLHttpRequest");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
