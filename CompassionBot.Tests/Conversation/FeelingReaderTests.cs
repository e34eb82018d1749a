using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Conversation;
using CompassionBot.Dialogs.Engagement;
using CompassionBot.Tests.Practices;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Conversation;

/// <summary>The reader with the real <c>feelings.phrases</c> and <c>feelings.emoji</c> files.</summary>
public sealed class FeelingReaderTests
{
    private static readonly FeelingReader Sut = FeelingReader.Load(RealContent.RootPath);

    [Theory]
    [InlineData("I'm feeling really anxious about tomorrow", FeelingKind.Anxious)]
    [InlineData("estoy muy preocupada por mañana", FeelingKind.Anxious)]
    [InlineData("hola, me siento mal", FeelingKind.Low)]
    [InlineData("so lonely tonight", FeelingKind.Low)]
    [InlineData("I'm so frustrated with my boss", FeelingKind.Angry)]
    [InlineData("feeling calm today", FeelingKind.Good)]
    [InlineData("not good at all", FeelingKind.Low)]
    [InlineData("no me siento bien", FeelingKind.Low)]
    [InlineData("not anxious, just weird", FeelingKind.Unnamed)]
    [InlineData("I feel weird", FeelingKind.Unnamed)]
    [InlineData("😢", FeelingKind.Low)]
    [InlineData("😰😰", FeelingKind.Anxious)]
    [InlineData("🙂", FeelingKind.Good)]
    public void Read_FeelingStatement_IsItsKind(string text, FeelingKind expected) =>
        Assert.Equal(expected, Sut.Read(text));

    [Theory]
    [InlineData(FeelingKind.Anxious, PracticeFamily.Somatic)]
    [InlineData(FeelingKind.Angry, PracticeFamily.Somatic)]
    [InlineData(FeelingKind.Low, PracticeFamily.Meditative)]
    [InlineData(FeelingKind.Good, PracticeFamily.Gratitude)]
    [InlineData(FeelingKind.Unnamed, PracticeFamily.Somatic)]
    public void FamilyFor_Kind_IsTheFamilySuggested(FeelingKind kind, PracticeFamily expected) =>
        Assert.Equal(expected, FeelingReader.FamilyFor(kind));

    [Fact]
    public void Load_EmojiListedTwice_NamesFileAndLine()
    {
        using var root = new TempDirectory();
        CopyWords(root.Path);
        File.WriteAllText(Path.Combine(root.Path, "Conversation", FeelingReader.EmojiFileName), "low: 😢\nanxious: 😰 😢\n");

        var error = Assert.Throws<ContentValidationException>(() => FeelingReader.Load(root.Path));

        var only = Assert.Single(error.Errors);
        Assert.Equal(2, only.Line);
        Assert.Contains("😢", only.Message, StringComparison.Ordinal);
    }

    private static void CopyWords(string root)
    {
        foreach (var locale in SupportedLocales.All)
        {
            Directory.CreateDirectory(Path.Combine(root, "Conversation", locale));
            File.Copy(Path.Combine(RealContent.RootPath, "Conversation", locale, FeelingReader.WordsFileName), Path.Combine(root, "Conversation", locale, FeelingReader.WordsFileName));
        }
    }
}
