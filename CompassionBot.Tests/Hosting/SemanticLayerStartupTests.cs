using CompassionBot.Tests.Practices;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Hosting;

/// <summary>The real executable refuses to start, with one clear reason, without the crisis head or with one for another model.</summary>
public sealed class SemanticLayerStartupTests : IDisposable
{
    private readonly TempContentRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Theory]
    [InlineData(null, "The crisis head (the semantic layer's weights) is missing")]
    [InlineData("""{"format":"compassionbot-crisis-head/0"}""", "The crisis head ")]
    [InlineData("not json", "The crisis head is not valid JSON")]
    public async Task Start_HeadMissingOrBroken_ExitsWithOneReason(string? head, string reason)
    {
        foreach (var file in Directory.EnumerateFiles(RealContent.RootPath, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("crisis-head.json", StringComparison.Ordinal)))
        {
            _root.Write(Path.GetRelativePath(RealContent.RootPath, file), File.ReadAllText(file));
        }

        if (head is not null)
        {
            _root.Write("Safety/model/crisis-head.json", head);
        }

        var (exitCode, output) = await ServiceProcess.RunExpectingStartupFailureAsync(
            new Dictionary<string, string> { ["Storage__Provider"] = "Memory", ["Content__RootPath"] = _root.Path },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        Assert.Contains("Hosting failed to start", output, StringComparison.Ordinal);
        Assert.Contains(reason, output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }
}
