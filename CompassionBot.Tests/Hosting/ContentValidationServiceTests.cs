using CompassionBot.Tests.Practices;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Hosting;

/// <summary>The service refuses to start on a broken phrases file, naming the file and line.</summary>
public sealed class ContentValidationServiceTests : IDisposable
{
    private readonly TempContentRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Theory]
    [InlineData("Engagement/es/signals.phrases")]
    [InlineData("Conversation/en/interruptions.phrases")]
    public void Start_BrokenPhrasesFile_FailsNamingFileAndLine(string brokenFile)
    {
        foreach (var file in Directory.EnumerateFiles(RealContent.RootPath, "*", SearchOption.AllDirectories))
        {
            _root.Write(Path.GetRelativePath(RealContent.RootPath, file), File.ReadAllText(file));
        }

        _root.Write(brokenFile, "# broken\nnonsense: words\n");
        using var sut = new BotApplicationFactory(new Dictionary<string, string?> { ["Content:RootPath"] = _root.Path });

        var error = Record.Exception(() => sut.Services);

        Assert.NotNull(error);
        Assert.Contains(Path.Combine(brokenFile.Split('/')) + ":2: Unknown kind 'nonsense'", error.ToString(), StringComparison.Ordinal);
    }
}
