using CompassionBot.Tests.Practices;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Hosting;

/// <summary>The real executable refuses to start on a broken phrases file, naming the file and line.</summary>
public sealed class ContentValidationServiceTests : IDisposable
{
    private readonly TempContentRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Theory]
    [InlineData("Engagement/es/signals.phrases")]
    [InlineData("Conversation/en/interruptions.phrases")]
    public async Task Start_BrokenPhrasesFile_ExitsNamingFileAndLine(string brokenFile)
    {
        foreach (var file in Directory.EnumerateFiles(RealContent.RootPath, "*", SearchOption.AllDirectories))
        {
            _root.Write(Path.GetRelativePath(RealContent.RootPath, file), File.ReadAllText(file));
        }

        _root.Write(brokenFile, "# broken\nnonsense: words\n");

        var (exitCode, output) = await ServiceProcess.RunExpectingStartupFailureAsync(
            new Dictionary<string, string> { ["Storage__Provider"] = "Memory", ["Content__RootPath"] = _root.Path },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        Assert.Contains(Path.Combine(brokenFile.Split('/')) + ":2: Unknown kind 'nonsense'", output, StringComparison.Ordinal);
    }
}
