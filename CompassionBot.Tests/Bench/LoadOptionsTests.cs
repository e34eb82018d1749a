using CompassionBot.LoadTest;

namespace CompassionBot.Tests.Bench;

/// <summary>The load test's command line (bench/CompassionBot.LoadTest): what BENCHMARKS.md's commands mean.</summary>
public sealed class LoadOptionsTests
{
    [Fact]
    public void Parse_NoArguments_IsBothModesAt32ConversationsWith30sWarmUpAnd20sMeasured()
    {
        var sut = LoadOptions.Parse([]);

        Assert.Equal([LoadOptions.ExpectReplies, LoadOptions.Normal], sut.Modes);
        Assert.Equal(32, sut.Concurrency);
        Assert.Equal(TimeSpan.FromSeconds(30), sut.Warmup);
        Assert.Equal(TimeSpan.FromSeconds(20), sut.Duration);
        Assert.Equal(1, sut.Instances);
        Assert.Null(sut.Service);
        Assert.Null(sut.Postgres);
        Assert.Null(sut.Compare);
        Assert.Null(sut.Timeline);
        Assert.False(sut.UniqueText);
    }

    [Fact]
    public void Parse_UniqueText_MakesTheFreeTextTurnDifferPerConversationInOneSentence()
    {
        var sut = LoadOptions.Parse(["--unique-text", "true"]);

        Assert.True(sut.UniqueText);
        Assert.Equal("It's okay, you're doing your best, c-7.", ConversationScript.Text(ConversationScript.FreeTextTurn, "c-7", unique: true));
        Assert.Equal("It's okay, you're doing your best.", ConversationScript.Text(ConversationScript.FreeTextTurn, "c-7", unique: false));
        Assert.Equal("Next", ConversationScript.Text(3, "c-7", unique: true));
    }

    [Fact]
    public void Parse_EveryOption_IsRead()
    {
        var sut = LoadOptions.Parse(
        [
            "--mode", "normal", "--concurrency", "8", "--warmup", "2.5", "--duration", "60", "--service", "x/CompassionBot.dll",
            "--instances", "2", "--postgres", "Host=db", "--slices", "4", "--slice", "12", "--timeline", "5",
        ]);

        Assert.Equal([LoadOptions.Normal], sut.Modes);
        Assert.Equal(8, sut.Concurrency);
        Assert.Equal(TimeSpan.FromSeconds(2.5), sut.Warmup);
        Assert.Equal(TimeSpan.FromSeconds(60), sut.Duration);
        Assert.Equal("x/CompassionBot.dll", sut.Service);
        Assert.Equal(2, sut.Instances);
        Assert.Equal("Host=db", sut.Postgres);
        Assert.Equal(4, sut.Slices);
        Assert.Equal(TimeSpan.FromSeconds(12), sut.Slice);
        Assert.Equal(TimeSpan.FromSeconds(5), sut.Timeline);
    }

    [Fact]
    public void Parse_Compare_ReadsEachVariantWithItsOwnEnvironment()
    {
        var sut = LoadOptions.Parse(["--compare", "before=/tmp/before/CompassionBot.dll; memory=build/CompassionBot.dll|Storage__Provider=Memory, DOTNET_gcServer=0"]);

        var variants = Assert.IsAssignableFrom<IReadOnlyList<ComparedVariant>>(sut.Compare);
        Assert.Equal(["before", "memory"], variants.Select(v => v.Label));
        Assert.Equal("/tmp/before/CompassionBot.dll", variants[0].Service);
        Assert.Empty(variants[0].Environment);
        Assert.Equal(Path.GetFullPath("build/CompassionBot.dll"), variants[1].Service);
        Assert.Equal(new Dictionary<string, string> { ["Storage__Provider"] = "Memory", ["DOTNET_gcServer"] = "0" }, variants[1].Environment);
    }

    [Fact]
    public void ParseList_SettingWithSemicolons_StaysWithItsVariant()
    {
        var variants = ComparedVariant.ParseList("a=x.dll|ConnectionStrings__Postgres=Host=h;Port=5;Database=d;b=y.dll|Storage__Provider=Memory");

        Assert.Equal(["a", "b"], variants.Select(v => v.Label));
        Assert.Equal("Host=h;Port=5;Database=d", variants[0].Environment["ConnectionStrings__Postgres"]);
        Assert.Equal(Path.GetFullPath("y.dll"), variants[1].Service);
    }

    [Theory]
    [InlineData("a=x.dll", "'a=x.dll'")]
    [InlineData("a=x.dll;a=y.dll", "distinct labels")]
    [InlineData("a=x.dll;y.dll", "not 'y.dll'")]
    [InlineData("a=x.dll;b=", "not 'b='")]
    [InlineData("a=x.dll;b=y.dll|NOVALUE", "not 'NOVALUE'")]
    public void ParseList_NotTwoDistinctWellFormedVariants_ThrowsNamingTheProblem(string text, string named)
    {
        var exception = Assert.Throws<ArgumentException>(() => ComparedVariant.ParseList(text));

        Assert.Contains(named, exception.Message, StringComparison.Ordinal);
    }
}
