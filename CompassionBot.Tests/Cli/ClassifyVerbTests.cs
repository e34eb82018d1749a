using System.Text.Json;
using CompassionBot.Cli;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Cli;

public sealed class ClassifyVerbTests
{
    [Fact]
    public async Task RunAsync_OneMessagePerLine_WritesOneJsonObjectPerLineWithTheRulesTheModelAndTheSource()
    {
        using var input = new StringReader("I want to kill myself\n\nI feel hopeless\nme muero de risa\n“quiero morir”\n7");
        await using var output = new StringWriter();

        var exitCode = await ClassifyVerb.RunAsync(input, output, SafetyContent.Screen(), SafetyContent.Encoder, TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["crisis", "none", "concern", "none", "crisis", "none"], lines.Select(l => l.GetProperty("risk").GetString()));
        Assert.Equal(["rules", "none", "rules", "none", "rules", "none"], lines.Select(l => l.GetProperty("source").GetString()));
        Assert.Equal("""["ideation.active"]""", lines[0].GetProperty("rules").GetRawText());
        Assert.Equal(JsonValueKind.Null, lines[0].GetProperty("model").ValueKind);
        Assert.Equal(JsonValueKind.Null, lines[5].GetProperty("model").ValueKind);
        var scores = lines[3].GetProperty("model");
        Assert.Equal(1.0, scores.GetProperty("crisis").GetDouble() + scores.GetProperty("concern").GetDouble() + scores.GetProperty("none").GetDouble(), 2);
    }

    [Theory]
    [InlineData("I want to kill\\nmyself")]
    [InlineData("quiero\\nmatarme")]
    [InlineData("I want to k\u200Bill myself")]
    [InlineData("\u0456 want to d\u0456e")]
    [InlineData("\uFF29 \uFF57\uFF41\uFF4E\uFF54 \uFF54\uFF4F \uFF44\uFF49\uFF45")]
    public async Task RunAsync_DisguisedCrisisLanguage_IsACrisis(string line)
    {
        using var input = new StringReader(line);
        await using var output = new StringWriter();

        await ClassifyVerb.RunAsync(input, output, SafetyContent.Screen(), SafetyContent.Encoder, TestContext.Current.CancellationToken);

        Assert.Equal("crisis", JsonDocument.Parse(output.ToString()).RootElement.GetProperty("risk").GetString());
    }
}
