using System.Text.RegularExpressions;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Conversation;

/// <summary>The practice menu through the real pipeline.</summary>
public sealed partial class MainDialogTests : IClassFixture<BotApplicationFactory>
{
    private readonly BotApplicationFactory _factory;

    public MainDialogTests(BotApplicationFactory factory) => _factory = factory;

    [Fact]
    public async Task Menu_WithButtons_ButtonsFollowTheNumberedList()
    {
        var sut = NewConversation("test");

        var menu = Assert.Single(await sut.SendAsync("menu", TestContext.Current.CancellationToken));

        var numbered = MenuItem().Matches(menu.Text!).Select(m => (Number: int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Title: m.Groups[2].Value)).ToList();
        Assert.Equal(Enumerable.Range(1, numbered.Count), numbered.Select(n => n.Number));
        Assert.Equal(numbered.Select(n => n.Title), menu.SuggestedActions!.Actions.Select(a => a.Title));
    }

    [Fact]
    public async Task Menu_OnSms_ListsEachPracticeOnce()
    {
        var sut = NewConversation("sms");

        var menu = Assert.Single(await sut.SendAsync("menu", TestContext.Current.CancellationToken));

        Assert.Single(Regex.Matches(menu.Text!, "Self-Compassion Break"));
        Assert.Null(menu.SuggestedActions);
    }

    [Fact]
    public async Task Menu_NumberTyped_StartsThePracticeWithThatNumber()
    {
        var sut = NewConversation("sms");
        var menu = Assert.Single(await sut.SendAsync("menu", TestContext.Current.CancellationToken));
        var third = MenuItem().Matches(menu.Text!)[2].Groups[2].Value;

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

    private TestConversation NewConversation(string channelId) =>
        new(_factory.Services, channelId, "en-US", userId: "user-" + Guid.NewGuid().ToString("N"));

    [GeneratedRegex(@"^(\d+)\. (.+) \(\d+ min\)$", RegexOptions.Multiline)]
    private static partial Regex MenuItem();
}
