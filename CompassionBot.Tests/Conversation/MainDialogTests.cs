using System.Globalization;
using System.Text.RegularExpressions;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Conversation;
using CompassionBot.Dialogs.Practices;
using CompassionBot.Tests.Practices;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Conversation;

/// <summary>The practice menu through the real pipeline.</summary>
public sealed partial class MainDialogTests : IClassFixture<BotApplicationFactory>
{
    private static readonly PracticeCatalog Catalog = PracticeCatalog.Load(RealContent.RootPath);
    private readonly BotApplicationFactory _factory;

    public MainDialogTests(BotApplicationFactory factory) => _factory = factory;

    [Fact]
    public async Task Menu_WithButtons_ThreeSuggestionsAndMoreAsButtonsAndTheTextDoesNotListThem()
    {
        var sut = NewConversation("test");

        var menu = Assert.Single(await sut.SendAsync("menu", TestContext.Current.CancellationToken));

        var titles = menu.SuggestedActions!.Actions.Select(a => a.Title!).ToList();
        Assert.Equal(PracticeMenu.ShortSize + 1, titles.Count);
        Assert.Equal("More practices", titles[^1]);
        Assert.Equal("Here are a few that might suit you. Pick one, or say more or later.", menu.Text);
    }

    [Fact]
    public async Task Menu_WithButtonsMore_EveryPracticeAsButtonsAndTheTextDoesNotListThem()
    {
        var sut = NewConversation("test");
        await sut.SendAsync("menu", TestContext.Current.CancellationToken);

        var menu = Assert.Single(await sut.SendAsync("more", TestContext.Current.CancellationToken));

        Assert.Equal(Catalog.All("en").Count, menu.SuggestedActions!.Actions.Count);
        Assert.Equal("Here are all the practices. Pick one, or say later.", menu.Text);
    }

    [Fact]
    public async Task Menu_OnSms_OffersOnePracticeOfEachOfTheBestKindsAndMoreInOneText()
    {
        var sut = NewConversation("sms");

        var menu = Assert.Single(await sut.SendAsync("menu", TestContext.Current.CancellationToken));

        var items = SmsMenuItem().Matches(menu.Text!).Select(m => m.Groups[2].Value).ToList();
        Assert.Equal(PracticeMenu.ShortSize + 1, items.Count);
        var practices = items.SkipLast(1).Select(title => Catalog.All("en").Single(p => p.Title == title)).ToList();
        Assert.Equal(practices.Count, practices.Select(p => p.Family).Distinct().Count());
        Assert.Equal("More practices", items[^1]);
        Assert.True(Gsm7.FitsOneSegment(Gsm7.Fold(menu.Text!)), menu.Text);
        Assert.Null(menu.SuggestedActions);
    }

    [Fact]
    public async Task Menu_OnSmsAfterMore_ListsEachPracticeOnceAndANumberMeansThatList()
    {
        var sut = NewConversation("sms");
        await sut.SendAsync("menu", TestContext.Current.CancellationToken);

        var all = Assert.Single(await sut.SendAsync((PracticeMenu.ShortSize + 1).ToString(CultureInfo.InvariantCulture), TestContext.Current.CancellationToken));
        var replies = await sut.SendAsync("9", TestContext.Current.CancellationToken);

        Assert.Single(Regex.Matches(all.Text!, "Self-Compassion Break"));
        var ninth = MenuItem().Matches(all.Text!)[8].Groups[2].Value;
        Assert.StartsWith("Let's begin: " + ninth + " (", replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Menu_NumberTyped_StartsThePracticeWithThatNumber()
    {
        // A text-only channel other than SMS gets the short menu numbered in its text.
        var sut = NewConversation("telegram");
        var menu = Assert.Single(await sut.SendAsync("menu", TestContext.Current.CancellationToken));
        var third = SmsMenuItem().Matches(menu.Text!)[2].Groups[2].Value;

        var replies = await sut.SendAsync("3", TestContext.Current.CancellationToken);

        Assert.StartsWith("Let's begin: " + third + " (", replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PracticeStart_Always_ShowsTheSummary()
    {
        var sut = NewConversation("test");
        await sut.SendAsync("menu", TestContext.Current.CancellationToken);

        var replies = await sut.SendAsync("Three Good Things", TestContext.Current.CancellationToken);

        Assert.Equal("Let's begin: Three Good Things (4 min). Notice three things that went well recently, however small. You can say stop anytime.", replies[0].Text);
    }

    [Fact]
    public async Task Resume_WhenThePauseEndedInAnotherConversation_ShowsTheMenuAgainWithoutIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var user = "user-" + Guid.NewGuid().ToString("N");
        var first = new TestConversation(_factory.Services, "test", "en-US", "first-" + user, user);
        var sut = new TestConversation(_factory.Services, "test", "en-US", "second-" + user, user);
        await first.SendAsync("menu", ct);
        await first.SendAsync("Self-Compassion Break", ct);
        await first.SendAsync("5", ct);
        await first.SendAsync("pause", ct);
        var offer = Assert.Single(await sut.SendAsync("menu", ct));
        Assert.Equal("Resume Self-Compassion Break", offer.SuggestedActions!.Actions[0].Title);
        await first.SendAsync("menu", ct);
        await first.SendAsync("Resume Self-Compassion Break", ct);

        var menu = Assert.Single(await sut.SendAsync("Resume Self-Compassion Break", ct));

        Assert.Equal("Here are a few that might suit you. Pick one, or say more or later.", menu.Text);
        Assert.DoesNotContain(menu.SuggestedActions!.Actions, a => a.Title!.StartsWith("Resume", StringComparison.Ordinal));
    }

    private TestConversation NewConversation(string channelId) =>
        new(_factory.Services, channelId, "en-US", userId: "user-" + Guid.NewGuid().ToString("N"));

    [GeneratedRegex(@"^(\d+)\. (.+) \(\d+ min\)$", RegexOptions.Multiline)]
    private static partial Regex MenuItem();

    [GeneratedRegex(@"^(\d+)\. (.+)$", RegexOptions.Multiline)]
    private static partial Regex SmsMenuItem();
}
