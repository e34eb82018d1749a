using CompassionBot.Dialogs.Engine.Prompts;
using CompassionBot.Dialogs.Schema;

namespace CompassionBot.Tests.Dialogs.Engine.Prompts;

public sealed class ChoiceRendererTests
{
    private static readonly Choice[] Three = [new("Breathing"), new("Kind words"), new("Body scan")];
    private static readonly Choice[] Four = [.. Three, new("Gratitude")];
    private static readonly Activity Question = Activity.CreateMessage("Which one?");

    private static Activity Inbound(string channelId, string? conversationType = null) =>
        new() { Type = ActivityTypes.Message, ChannelId = channelId, Conversation = new ConversationAccount { Id = "c", ConversationType = conversationType } };

    [Theory]
    [InlineData("sms")]
    [InlineData("twilio-sms")]
    public void Render_Sms_NumberedInlineTextWithoutButtons(string channelId)
    {
        var sut = ChoiceRenderer.Render(Inbound(channelId), Question, Three);

        Assert.Equal("Which one? 1) Breathing, 2) Kind words, 3) Body scan", sut.Text);
        Assert.Null(sut.SuggestedActions);
        Assert.Null(sut.Attachments);
    }

    [Fact]
    public void Render_SmsFourChoices_OnePerLine()
    {
        var sut = ChoiceRenderer.Render(Inbound("sms"), Question, Four);

        Assert.Equal("Which one?\n1) Breathing\n2) Kind words\n3) Body scan\n4) Gratitude", sut.Text);
    }

    [Fact]
    public void Render_TeamsPersonalUpToThree_ImBackSuggestedActions()
    {
        var sut = ChoiceRenderer.Render(Inbound("msteams", "personal"), Question, Three);

        Assert.Equal("Which one?", sut.Text);
        Assert.All(sut.SuggestedActions!.Actions, a => Assert.Equal(("imBack", a.Title), (a.Type, a.Value)));
        Assert.Equal(Three.Select(c => c.Value), sut.SuggestedActions.Actions.Select(a => a.Title));
    }

    [Theory]
    [InlineData("personal", 4)]
    [InlineData("groupChat", 2)]
    [InlineData("channel", 3)]
    public void Render_TeamsOtherwise_HeroCardButtons(string conversationType, int count)
    {
        var sut = ChoiceRenderer.Render(Inbound("msteams", conversationType), Question, Four[..count]);

        Assert.Null(sut.SuggestedActions);
        Assert.Null(sut.Text);
        var card = Assert.Single(sut.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.hero", card.ContentType);
        Assert.Equal("Which one?", card.Content!.Value.GetProperty("text").GetString());
        Assert.Equal(Four[..count].Select(c => c.Value), card.Content.Value.GetProperty("buttons").EnumerateArray().Select(b => b.GetProperty("value").GetString()));
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("emulator")]
    public void Render_WebChannels_SuggestedActions(string channelId)
    {
        var sut = ChoiceRenderer.Render(Inbound(channelId), Question, Four);

        Assert.Equal(Four.Select(c => c.Value), sut.SuggestedActions!.Actions.Select(a => a.Value));
    }

    [Fact]
    public void Render_UnknownChannel_NumberedText()
    {
        var sut = ChoiceRenderer.Render(Inbound("somethingnew"), Question, Three);

        Assert.Null(sut.SuggestedActions);
        Assert.StartsWith("Which one? 1) Breathing", sut.Text, StringComparison.Ordinal);
    }
}
