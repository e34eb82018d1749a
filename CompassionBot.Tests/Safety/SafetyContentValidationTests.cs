using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Tests.Safety;

/// <summary>Malformed rule files stop loading with the file and line of every error.</summary>
public sealed class SafetyContentValidationTests
{
    [Theory]
    [InlineData("crisis = want to die", 1, "needs an id")]
    [InlineData("crisis Bad Id = die", 1, "Unexpected")]
    [InlineData("panic x = die", 1, "Unknown directive")]
    [InlineData("crisis x = want to (die", 1, "Missing ')'")]
    [InlineData("crisis x = want ~9 die", 1, "~1 to ~5")]
    [InlineData("crisis x = @nothing die", 1, "Unknown set '@nothing'")]
    [InlineData("crisis x = ab* die", 1, "at least 3 letters")]
    [InlineData("crisis x = die?", 1, "at least one word")]
    [InlineData("exclude x = (this|exams?) ~2 kill me", 1, "matches nothing")]
    [InlineData("filler = lol\ncrisis x = lol die", 2, "filler word")]
    [InlineData("set @a = @b\nset @b = @a\ncrisis x = @a", 3, "refers to itself")]
    [InlineData("map kms = kill myself\nmap kms = kill myself", 2, "already mapped")]
    [InlineData("map wanna = gonna\nmap gonna = going to", 1, "itself mapped")]
    [InlineData("crisis x = die\nconcern x = sad", 2, "one id has one kind")]
    public void FromFiles_MalformedLine_ReportsFileAndLine(string content, int line, string message)
    {
        var exception = Assert.Throws<ContentValidationException>(() => Load(content));

        Assert.Contains(exception.Errors, e => e.File == "Safety/en/test.rules" && e.Line == line && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void FromFiles_ValidRules_MatchThroughMapsFillersAndPrefixes()
    {
        var sut = Load("map kms = kill myself\nfiller = lol\nnegator = not\nset @self = myself | me\ncrisis self.kill = kil* @self\nexclude idiom = kil* @self laughing");

        Assert.Equal(RiskLevel.Crisis, sut.Classify("lol kms", "en").Level);
        Assert.Equal(RiskLevel.Crisis, sut.Classify("killing myself", "en").Level);
        Assert.Equal(RiskLevel.None, sut.Classify("killing myself laughing", "en").Level);
    }

    [Fact]
    public void FromFiles_GapNeverSkipsNegation()
    {
        var sut = Load("negator = not\ncrisis x = i ~2 die");

        Assert.Equal(RiskLevel.Crisis, sut.Classify("i could die", "en").Level);
        Assert.Equal(RiskLevel.None, sut.Classify("i will not die", "en").Level);
    }

    [Fact]
    public void Load_MissingFolder_ReportsEachLocale()
    {
        var exception = Assert.Throws<ContentValidationException>(() => LexiconCrisisDetector.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))));

        Assert.Equal(2, exception.Errors.Count);
    }

    private static LexiconCrisisDetector Load(string content) =>
        LexiconCrisisDetector.FromFiles([("en", "Safety/en/test.rules", content.Split('\n'))]);
}
