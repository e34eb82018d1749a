using System.Text.Json;
using CompassionBot.Dialogs.Schema;

namespace CompassionBot.Tests.Dialogs.Schema;

public sealed class ActivityTests
{
    [Fact]
    public void Deserialize_UnknownFieldsEverywhere_SurviveRoundTrip()
    {
        const string json = """
            {"type":"message","text":"hi","extra":1,"from":{"id":"u","x":"y"},"conversation":{"id":"c","tenantish":true},
             "entities":[{"type":"clientInfo","locale":"en"}],"suggestedActions":{"actions":[{"type":"imBack","title":"A","value":"A","image":"i"}]}}
            """;

        var sut = JsonSerializer.Deserialize(json, BotJsonContext.Default.Activity)!;
        var roundTripped = JsonSerializer.Serialize(sut, BotJsonContext.Default.Activity);

        using var document = JsonDocument.Parse(roundTripped);
        var root = document.RootElement;
        Assert.Equal(1, root.GetProperty("extra").GetInt32());
        Assert.Equal("y", root.GetProperty("from").GetProperty("x").GetString());
        Assert.True(root.GetProperty("conversation").GetProperty("tenantish").GetBoolean());
        Assert.Equal("en", root.GetProperty("entities")[0].GetProperty("locale").GetString());
        Assert.Equal("i", root.GetProperty("suggestedActions").GetProperty("actions")[0].GetProperty("image").GetString());
    }

    [Fact]
    public void Deserialize_UnknownFieldOnSuggestedActions_SurvivesRoundTrip()
    {
        const string json = """
            {"type":"message","suggestedActions":{"to":["u"],"actions":[{"type":"imBack","title":"A","value":"A"}],"layout":{"columns":2}}}
            """;

        var sut = JsonSerializer.Deserialize(json, BotJsonContext.Default.Activity)!;
        var roundTripped = JsonSerializer.Serialize(sut, BotJsonContext.Default.Activity);

        using var document = JsonDocument.Parse(roundTripped);
        var suggestedActions = document.RootElement.GetProperty("suggestedActions");
        Assert.Equal(2, suggestedActions.GetProperty("layout").GetProperty("columns").GetInt32());
        Assert.Equal("A", suggestedActions.GetProperty("actions")[0].GetProperty("value").GetString());
    }

    [Fact]
    public void Deserialize_UnknownFieldOnAttachment_SurvivesRoundTrip()
    {
        const string json = """
            {"type":"message","attachments":[{"contentType":"image/png","contentUrl":"https://example.test/a.png","thumbnailUrl":"https://example.test/t.png"}]}
            """;

        var sut = JsonSerializer.Deserialize(json, BotJsonContext.Default.Activity)!;
        var roundTripped = JsonSerializer.Serialize(sut, BotJsonContext.Default.Activity);

        using var document = JsonDocument.Parse(roundTripped);
        var attachment = document.RootElement.GetProperty("attachments")[0];
        Assert.Equal("https://example.test/t.png", attachment.GetProperty("thumbnailUrl").GetString());
        Assert.Equal("image/png", attachment.GetProperty("contentType").GetString());
    }

    [Theory]
    [InlineData(InputHints.AcceptingInput, "acceptingInput")]
    [InlineData(InputHints.ExpectingInput, "expectingInput")]
    [InlineData(InputHints.IgnoringInput, "ignoringInput")]
    public void Serialize_InputHint_WritesTheWireValue(string inputHint, string wireValue)
    {
        var sut = Activity.CreateMessage("hello", inputHint);

        var json = JsonSerializer.Serialize(sut, BotJsonContext.Default.Activity);

        using var document = JsonDocument.Parse(json);
        Assert.Equal(wireValue, document.RootElement.GetProperty("inputHint").GetString());
    }

    [Fact]
    public void Serialize_Message_WritesNoComputedProperties()
    {
        var sut = Activity.CreateMessage("hello");

        var json = JsonSerializer.Serialize(sut, BotJsonContext.Default.Activity);

        Assert.DoesNotContain("isMessage", json, StringComparison.Ordinal);
    }
}
