using CompassionBot.Dialogs.Engine.Prompts;

namespace CompassionBot.Tests.Dialogs.Engine.Prompts;

public sealed class ChannelChoiceRendererTests
{
    private static readonly string[] Three = ["Breathing", "Kind words", "Body scan"];
    private static readonly string[] Four = ["Breathing", "Kind words", "Body scan", "Gratitude"];

    [Fact]
    public void Render_Sms_NumberedInlineText()
    {
        var sut = ChannelChoiceRenderer.Render("sms", null, "Which one?", Three, "or");

        Assert.Equal("Which one? (1) Breathing, (2) Kind words, or (3) Body scan", sut.Text);
        Assert.Null(sut.SuggestedActions);
        Assert.Null(sut.Attachments);
    }

    [Fact]
    public void Render_SmsTwoChoices_JoinsWithOr()
    {
        var sut = ChannelChoiceRenderer.Render("sms", null, "¿Seguimos?", ["Sí", "No"], "o");

        Assert.Equal("¿Seguimos? (1) Sí o (2) No", sut.Text);
    }

    [Fact]
    public void Render_SmsFourChoices_NumberedList()
    {
        var sut = ChannelChoiceRenderer.Render("sms", null, "Which one?", Four, "or");

        Assert.Equal("Which one?\n\n   1. Breathing\n   2. Kind words\n   3. Body scan\n   4. Gratitude", sut.Text);
    }

    [Fact]
    public void Render_TeamsPersonalUpToThree_ImBackSuggestedActions()
    {
        var sut = ChannelChoiceRenderer.Render("msteams", "personal", "Which one?", Three, "or");

        Assert.Equal("Which one?", sut.Text);
        Assert.All(sut.SuggestedActions!.Actions, a => Assert.Equal(("imBack", a.Title), (a.Type, a.Value)));
        Assert.Equal(Three, sut.SuggestedActions.Actions.Select(a => a.Title));
    }

    [Theory]
    [InlineData("personal", 4)]
    [InlineData("groupChat", 2)]
    [InlineData("channel", 3)]
    public void Render_TeamsOtherwise_HeroCardButtons(string conversationType, int count)
    {
        var sut = ChannelChoiceRenderer.Render("msteams", conversationType, "Which one?", Four[..count], "or");

        Assert.Null(sut.SuggestedActions);
        var card = Assert.Single(sut.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.hero", card.ContentType);
        Assert.Equal("Which one?", card.Content!.Value.GetProperty("text").GetString());
        Assert.Equal(Four[..count], card.Content.Value.GetProperty("buttons").EnumerateArray().Select(b => b.GetProperty("value").GetString()));
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("emulator")]
    public void Render_WebChannels_SuggestedActions(string channelId)
    {
        var sut = ChannelChoiceRenderer.Render(channelId, null, "Which one?", Four, "or");

        Assert.Equal(Four, sut.SuggestedActions!.Actions.Select(a => a.Value));
        Assert.Equal("expectingInput", sut.InputHint);
    }
}
