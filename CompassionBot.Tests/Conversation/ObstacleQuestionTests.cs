using System.Text.Json;
using CompassionBot.Dialogs.State;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CompassionBot.Tests.Conversation;

/// <summary>Issue 22 item 3, through the real pipeline: what the person says gets in the way is kept with their history.</summary>
public sealed class ObstacleQuestionTests : IClassFixture<BotApplicationFactory>
{
    private readonly BotApplicationFactory _factory;

    public ObstacleQuestionTests(BotApplicationFactory factory) => _factory = factory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NotForMe_TwiceInARow_RecordsTheAnswerOnTheLatestSession()
    {
        var sut = new TestConversation(_factory.Services, "test", "en-US", userId: "user-" + Guid.NewGuid().ToString("N"));
        await sut.SendAsync("menu", Ct);
        await sut.SendAsync("Soothing Touch", Ct);
        await sut.SendAsync("not for me", Ct);
        await sut.SendAsync("1", Ct);
        await sut.SendAsync("not for me", Ct);

        await sut.SendAsync("Not in the mood", Ct);

        var history = (await ProfileAsync(sut)).GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(2, history.Count);
        Assert.All(history, h => Assert.Equal("NotResonating", h.GetProperty("outcome").GetString()));
        Assert.False(history[0].TryGetProperty("obstacle", out _));
        Assert.Equal("NotInTheMood", history[1].GetProperty("obstacle").GetString());
    }

    [Fact]
    public async Task NotForMe_AtTheRatingBefore_EndsThePracticeAsNotResonatingWithoutARating()
    {
        var sut = new TestConversation(_factory.Services, "test", "en-US", userId: "user-" + Guid.NewGuid().ToString("N"));
        await sut.SendAsync("menu", Ct);
        await sut.SendAsync("Soothing Touch", Ct);

        var replies = await sut.SendAsync("not for me", Ct);

        Assert.StartsWith("Thanks for telling me.", replies[0].Text, StringComparison.Ordinal);
        var session = Assert.Single((await ProfileAsync(sut)).GetProperty("history").EnumerateArray());
        Assert.Equal("NotResonating", session.GetProperty("outcome").GetString());
        Assert.False(session.TryGetProperty("distressBefore", out _));
    }

    private async Task<JsonElement> ProfileAsync(TestConversation conversation)
    {
        var key = $"test/users/{conversation.User.Id}";
        var items = await _factory.Services.GetRequiredService<IStorage>().ReadAsync([key], Ct);
        using var document = JsonDocument.Parse(items[key].Json);
        return document.RootElement.GetProperty("Profile").Clone();
    }
}
