using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Practices;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CompassionBot.Tests.Conversation;

/// <summary>Issue 3 item 5, through the real pipeline: what the bot does when a practice doesn't resonate.</summary>
public sealed class NonResonanceRoutingTests : IClassFixture<BotApplicationFactory>
{
    private const string Pause = "Take a break";
    private readonly BotApplicationFactory _factory;
    private readonly PracticeCatalog _catalog;

    public NonResonanceRoutingTests(BotApplicationFactory factory)
    {
        _factory = factory;
        _catalog = factory.Services.GetRequiredService<PracticeCatalog>();
    }

    [Fact]
    public async Task NotHelping_DuringAPractice_AlternativesOnlyFromOtherFamiliesAtMostThreePlusShorterAndPause()
    {
        var sut = await StartAsync("Loving-Kindness Phrases");

        var offer = (await SendAsync(sut, "this isn't helping"))[^1];

        var titles = Titles(offer);
        Assert.Equal(Pause, titles[^1]);
        Assert.StartsWith("Something shorter: ", titles[^2], StringComparison.Ordinal);
        var alternatives = titles.SkipLast(2).Select(Practice).ToList();
        Assert.InRange(alternatives.Count, 1, 3);
        Assert.All(alternatives, p => Assert.NotEqual(PracticeFamily.Meditative, p.Family));
        Assert.NotEqual(PracticeFamily.Meditative, Practice(titles[^2]["Something shorter: ".Length..titles[^2].LastIndexOf(" (", StringComparison.Ordinal)]).Family);
    }

    [Fact]
    public async Task NotHelping_Twice_NeverOffersAPracticeAlreadyTriedInTheSession()
    {
        var sut = await StartAsync("Loving-Kindness Phrases");
        var first = Titles((await SendAsync(sut, "not for me"))[^1]);
        await SendAsync(sut, first[0]);
        await SendAsync(sut, "4");

        var second = Titles((await SendAsync(sut, "this isn't helping"))[^1]);

        Assert.DoesNotContain(second, t => t.Contains("Loving-Kindness Phrases", StringComparison.Ordinal));
        Assert.DoesNotContain(second, t => t.Contains(first[0], StringComparison.Ordinal));
    }

    [Fact]
    public async Task NotHelping_OneTurn_SendsOneAcknowledgementAndOneOffer()
    {
        var sut = await StartAsync("Self-Compassion Break");

        var replies = await SendAsync(sut, "honestly this is not for me");

        Assert.Equal(2, replies.Count);
        Assert.Equal("Thanks for telling me. Not everyone connects with every practice, and that's completely normal.", replies[0].Text);
        Assert.Single(replies, r => r.SuggestedActions is not null);
    }

    [Fact]
    public async Task QuietSigns_ThirdInOnePractice_OneOfferInThatTurn()
    {
        var sut = await StartAsync("Three Good Things");
        await SendAsync(sut, "meh");
        await SendAsync(sut, "ok");

        var replies = await SendAsync(sut, "fine");

        Assert.Equal(2, replies.Count);
        Assert.Equal(Pause, Titles(replies[1])[^1]);
    }

    [Fact]
    public async Task Offer_PauseChosen_EndsKindly()
    {
        var sut = await StartAsync("Loving-Kindness Phrases");
        await SendAsync(sut, "not for me");

        var replies = await SendAsync(sut, Pause);

        Assert.Equal("Let's take a break. Come back whenever you like; just say menu.", Assert.Single(replies).Text);
    }

    private async Task<TestConversation> StartAsync(string title)
    {
        var sut = new TestConversation(_factory.Services, "test", "en-US", userId: "user-" + Guid.NewGuid().ToString("N"));
        await SendAsync(sut, "menu");
        await SendAsync(sut, title);
        if (Practice(title).RateBefore)
        {
            await SendAsync(sut, "4");
        }

        return sut;
    }

    private static Task<IReadOnlyList<Activity>> SendAsync(TestConversation conversation, string text) =>
        conversation.SendAsync(text, TestContext.Current.CancellationToken);

    private static List<string> Titles(Activity offer) => [.. offer.SuggestedActions!.Actions.Select(a => a.Title!)];

    private Practice Practice(string title) => _catalog.All("en").Single(p => p.Title == title);
}
