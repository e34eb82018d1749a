using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Conversation;

/// <summary>The clinic's number in the help and about-the-bot answers: a tel: link on web chat, plain elsewhere.</summary>
public sealed class ClinicContactLinkTests
{
    private const string Contact = "555-0100, Mon-Fri 9-5";

    [Theory]
    [InlineData("help")]
    [InlineData("are you a real person?")]
    public async Task Answer_OnWebChat_TheClinicNumberIsATelLink(string text)
    {
        await using var factory = new BotApplicationFactory(new Dictionary<string, string?> { ["Clinic:Contact"] = Contact });
        var sut = new TestConversation(factory.Services, "webchat", "en-US", userId: "user-" + Guid.NewGuid().ToString("N"));
        await sut.SendAsync("menu", TestContext.Current.CancellationToken);

        var replies = await sut.SendAsync(text, TestContext.Current.CancellationToken);

        Assert.Contains("[555-0100](tel:5550100), Mon-Fri 9-5", replies[0].Text, StringComparison.Ordinal);
        Assert.Equal("markdown", replies[0].TextFormat);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("are you a real person?")]
    public async Task Answer_OnAnotherChannel_TheClinicNumberIsPlain(string text)
    {
        await using var factory = new BotApplicationFactory(new Dictionary<string, string?> { ["Clinic:Contact"] = Contact });
        var sut = new TestConversation(factory.Services, "test", "en-US", userId: "user-" + Guid.NewGuid().ToString("N"));
        await sut.SendAsync("menu", TestContext.Current.CancellationToken);

        var replies = await sut.SendAsync(text, TestContext.Current.CancellationToken);

        Assert.Contains(Contact, replies[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("tel:", replies[0].Text, StringComparison.Ordinal);
    }
}
