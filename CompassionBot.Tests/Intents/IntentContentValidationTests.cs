using System.Text.Json;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Intents;
using CompassionBot.Tests.Practices;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Intents;

/// <summary>The intent content files are checked when loaded, and the committed head only runs on the examples and the encoder it was trained on.</summary>
public sealed class IntentContentValidationTests : IDisposable
{
    private readonly TempContentRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Load_CommittedContent_HasExamplesOfEveryTaughtIntentInEveryLanguage()
    {
        var sut = IntentExamples.Load(RealContent.RootPath);

        Assert.All(new[] { "en", "es" }, locale => Assert.All(IntentExamples.Taught, intent =>
            Assert.True(sut.All.Count(e => e.Locale == locale && e.Intent == intent) >= 20, $"{locale} {intent}")));
        Assert.DoesNotContain(sut.All, e => e.Intent == Intent.Choose);
    }

    [Fact]
    public void Load_OneWordingUnderTwoIntents_NamesTheFileAndLine()
    {
        WriteMinimalExamples();
        _root.Write("Understanding/es/no.examples", "# comment\nclaro\n");
        _root.Write("Understanding/es/yes.examples", "claro\n");

        var error = Assert.Throws<ContentValidationException>(() => IntentExamples.Load(_root.Path));

        Assert.Contains(Path.Combine("Understanding", "es", "yes.examples") + ":1: Example 'claro' is also an example of 'no'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileNamedAfterNoIntent_IsRefused()
    {
        WriteMinimalExamples();
        _root.Write("Understanding/en/maybe.examples", "perhaps\n");

        var error = Assert.Throws<ContentValidationException>(() => IntentExamples.Load(_root.Path));

        Assert.Contains(Path.Combine("Understanding", "en", "maybe.examples") + ": An examples file is named after the intent it teaches", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LanguageWithoutAnIntent_SaysWhichIsMissing()
    {
        WriteMinimalExamples();
        File.Delete(Path.Combine(_root.Path, "Understanding", "es", "shorter.examples"));

        var error = Assert.Throws<ContentValidationException>(() => IntentExamples.Load(_root.Path));

        Assert.Contains("No examples of 'shorter'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmojiAloneAsAnExample_PointsToTheEmojiList()
    {
        WriteMinimalExamples();
        _root.Write("Understanding/en/feeling.examples", "sad\n😢\n");

        var error = Assert.Throws<ContentValidationException>(() => IntentExamples.Load(_root.Path));

        Assert.Contains(":2: Example '😢' has no letters or digits (emoji alone go in emoji.intents)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadEmoji_EmojiListedTwice_IsRefused()
    {
        _root.Write("Understanding/emoji.intents", "yes: 👍\nno: 👎 👍🏽\n");

        var error = Assert.Throws<ContentValidationException>(() => EmojiIntents.Load(_root.Path));

        Assert.Contains(":2: '👍' is already listed as 'yes'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadHead_ExamplesChangedSinceTraining_TellsHowToRetrain()
    {
        CopyRealUnderstandingContent();
        File.AppendAllText(Path.Combine(_root.Path, "Understanding", "en", "yes.examples"), "yes yes yes indeed\n");

        var error = Assert.Throws<ContentValidationException>(() =>
            IntentHead.Load(_root.Path, IntentExamples.Load(_root.Path), SafetyContent.Encoder.Fingerprint, SafetyContent.Encoder.Dimensions));

        Assert.Contains("The intent examples have changed since the intent head was trained: retrain it with 'dotnet run --project CompassionBot.Training -- train-intents'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadHead_TrainedOnAnotherEncoder_IsRefused()
    {
        var examples = IntentExamples.Load(RealContent.RootPath);

        var error = Assert.Throws<ContentValidationException>(() =>
            IntentHead.Load(RealContent.RootPath, examples, new string('0', 64), SafetyContent.Encoder.Dimensions));

        Assert.Contains("The intent head was trained on another sentence encoder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadHead_CommittedHead_IsTheOneDocumentedInItsReport()
    {
        var head = File.ReadAllBytes(Path.Combine(RealContent.RootPath, IntentHeadFile.RelativePath));
        var report = File.ReadAllText(Path.Combine(RealContent.RootPath, IntentExamples.ContentArea, "intent-training-report.md"));
        var file = JsonSerializer.Deserialize(head, IntentHeadJsonContext.Default.IntentHeadFile)!;

        Assert.Contains($"`intent-head.json` has SHA-256 `{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(head))}`", report, StringComparison.Ordinal);
        Assert.Equal(IntentExamples.Load(RealContent.RootPath).Sha256, file.ExamplesSha256);
    }

    [Fact]
    public void LoadPracticeNames_NameOfTwoPractices_IsRefused()
    {
        _root.Write("Understanding/en/practice-names.phrases", "soothing-breath: breathing\nsoothing-touch: touch | breathing\n");
        _root.Write("Understanding/es/practice-names.phrases", "soothing-breath: respirar\nsoothing-touch: tocar\n");

        var error = Assert.Throws<ContentValidationException>(() => PracticeNames.Load(_root.Path, ["soothing-breath", "soothing-touch"]));

        Assert.Contains("Phrase 'breathing' is already listed as 'soothing-breath'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadPracticeNames_PracticeWithoutNamesInALanguage_SaysWhich()
    {
        _root.Write("Understanding/en/practice-names.phrases", "soothing-breath: breathing\nsoothing-touch: touch\n");
        _root.Write("Understanding/es/practice-names.phrases", "soothing-breath: respirar\n");

        var error = Assert.Throws<ContentValidationException>(() => PracticeNames.Load(_root.Path, ["soothing-breath", "soothing-touch"]));

        Assert.Contains("No 'soothing-touch' phrases for 'es'", error.Message, StringComparison.Ordinal);
    }

    private void WriteMinimalExamples()
    {
        foreach (var locale in new[] { "en", "es" })
        {
            foreach (var intent in IntentExamples.Taught.Select(IntentNames.Name))
            {
                _root.Write($"Understanding/{locale}/{intent}.examples", $"{intent} {locale} example\n");
            }
        }
    }

    private void CopyRealUnderstandingContent()
    {
        var source = Path.Combine(RealContent.RootPath, IntentExamples.ContentArea);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            _root.Write(Path.Combine(IntentExamples.ContentArea, Path.GetRelativePath(source, file)), File.ReadAllText(file));
        }
    }
}
