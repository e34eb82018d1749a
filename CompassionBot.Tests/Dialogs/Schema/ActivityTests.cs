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
    public void Serialize_Message_WritesNoComputedProperties()
    {
        var sut = Activity.CreateMessage("hello");

        var json = JsonSerializer.Serialize(sut, BotJsonContext.Default.Activity);

        Assert.DoesNotContain("isMessage", json, StringComparison.Ordinal);
    }
}
