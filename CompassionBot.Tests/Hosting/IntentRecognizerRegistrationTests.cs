using CompassionBot.Dialogs.Understanding;
using CompassionBot.Dialogs.Intents;
using CompassionBot.Tests.Practices;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CompassionBot.Tests.Hosting;

/// <summary>The service registers the intent recognizer with the turn's encoder, and refuses to start on a stale intent head.</summary>
public sealed class IntentRecognizerRegistrationTests : IDisposable
{
    private readonly TempContentRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Services_IntentRecognizer_IsRegisteredOverTheServicesEncoder()
    {
        await using var factory = new BotApplicationFactory();
        var sut = factory.Services.GetRequiredService<IntentRecognizer>();
        var encoder = factory.Services.GetRequiredService<ISentenceEncoder>();

        var result = await sut.RecognizeAsync(new MessageUnderstanding("are you a real person?", encoder), TestContext.Current.CancellationToken);

        Assert.Same(sut, factory.Services.GetRequiredService<IntentRecognizer>());
        Assert.Equal(Intent.AboutBot, result.Intent);
    }

    [Fact]
    public async Task Start_ExampleAddedWithoutRetraining_ExitsWithOneReason()
    {
        foreach (var file in Directory.EnumerateFiles(RealContent.RootPath, "*", SearchOption.AllDirectories))
        {
            _root.Write(Path.GetRelativePath(RealContent.RootPath, file), File.ReadAllText(file));
        }

        File.AppendAllText(Path.Combine(_root.Path, "Understanding", "es", "thanks.examples"), "gracias infinitas\n");

        var (exitCode, output) = await ServiceProcess.RunExpectingStartupFailureAsync(
            new Dictionary<string, string> { ["Storage__Provider"] = "Memory", ["Content__RootPath"] = _root.Path },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        Assert.Contains("Hosting failed to start", output, StringComparison.Ordinal);
        Assert.Contains("The intent examples have changed since the intent head was trained", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }
}
