using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Practices;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Practices;

/// <summary>Each kind of invalid content stops the load with an error naming the file and line.</summary>
public sealed class PracticeCatalogValidationTests : IDisposable
{
    private const string EnFile = "Practices/en/sample.practice";
    private const string EsFile = "Practices/es/sample.practice";

    // Line numbers: 1 id, 2 title, 3 family, 4 minutes, 5 rating, 6 summary, 8 step one, 9 text, 11 step two, 12 text,
    // 13 prompt, 14 choices.
    private const string Valid = """
        id: sample
        title: Sample
        family: somatic
        minutes: 3
        rating: before, after
        summary: A sample practice.

        step: one
        text: First step.

        step: two
        text: Pick one.
        prompt: choice
        choices: A | B
        """;

    private readonly TempContentRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Load_ValidPair_Succeeds()
    {
        Write(Valid);

        var sut = PracticeCatalog.Load(_root.Path);

        Assert.Equal("sample", Assert.Single(sut.All("es")).Id);
    }

    [Fact]
    public void Load_UnknownFamily_NamesFileAndLine()
    {
        Write(Valid.Replace("family: somatic", "family: dancing", StringComparison.Ordinal));

        AssertError(EnFile, 3, "Unknown family 'dancing'");
    }

    [Theory]
    [InlineData("id: sample", "Missing 'id:'")]
    [InlineData("title: Sample", "Missing 'title:'")]
    [InlineData("family: somatic", "Missing 'family:'")]
    [InlineData("minutes: 3", "Missing 'minutes:'")]
    [InlineData("summary: A sample practice.", "Missing 'summary:'")]
    public void Load_MissingHeaderField_NamesFile(string line, string message)
    {
        Write(Valid.Replace(line + "\n", string.Empty, StringComparison.Ordinal));

        AssertError(EnFile, 0, message);
    }

    [Fact]
    public void Load_EmptyTitle_NamesFileAndLine()
    {
        Write(Valid.Replace("title: Sample", "title:", StringComparison.Ordinal));

        AssertError(EnFile, 2, "'title:' is empty");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    [InlineData("three")]
    [InlineData("-2")]
    public void Load_MinutesOutOfRange_NamesFileAndLine(string minutes)
    {
        Write(Valid.Replace("minutes: 3", "minutes: " + minutes, StringComparison.Ordinal));

        AssertError(EnFile, 4, "'minutes:' must be a whole number from 1 to 10");
    }

    [Fact]
    public void Load_InvalidRating_NamesFileAndLine()
    {
        Write(Valid.Replace("rating: before, after", "rating: sometimes", StringComparison.Ordinal));

        AssertError(EnFile, 5, "'rating:' must be");
    }

    [Theory]
    [InlineData("keep: phrase", 10, "offers to keep its answer but its prompt is not 'text'")]
    [InlineData("prompt: text\nkeep: diary", 11, "'keep:' must be phrase or letter, not 'diary'")]
    public void Load_KeepOnAnInstructionOrOfAnUnknownKind_NamesFileAndLine(string lines, int line, string message)
    {
        Write(Valid.Replace("text: First step.\n", $"text: First step.\n{lines}\n", StringComparison.Ordinal));

        AssertError(EnFile, line, message);
    }

    [Fact]
    public void Load_KeepInOneLanguageOnly_NamesTheTranslation()
    {
        _root.Write(EnFile, Valid.Replace("text: First step.\n", "text: First step.\nprompt: text\nkeep: phrase\n", StringComparison.Ordinal));
        _root.Write(EsFile, Valid.Replace("text: First step.\n", "text: First step.\nprompt: text\n", StringComparison.Ordinal));

        AssertError(EsFile, 8, "Step 'one' keeps its answer differently");
    }

    [Fact]
    public void Load_StepWithoutText_NamesFileAndStepLine()
    {
        Write(Valid.Replace("text: First step.\n", string.Empty, StringComparison.Ordinal));

        AssertError(EnFile, 8, "Step 'one' is empty");
    }

    [Fact]
    public void Load_NoSteps_NamesFile()
    {
        Write(Valid[..Valid.IndexOf("step: one", StringComparison.Ordinal)]);

        AssertError(EnFile, 0, "at least one 'step:'");
    }

    [Fact]
    public void Load_DuplicatePracticeId_NamesBothFiles()
    {
        Write(Valid);
        _root.Write("Practices/en/sample-copy.practice", Valid);

        var error = AssertError(EnFile, 1, "Duplicate practice id 'sample'");
        Assert.Contains("Practices/en/sample-copy.practice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateStepId_NamesFileAndLine()
    {
        Write(Valid.Replace("step: two", "step: one", StringComparison.Ordinal));

        AssertError(EnFile, 11, "Duplicate step id 'one' (first used on line 8)");
    }

    [Fact]
    public void Load_StepTextOver320Characters_NamesFileAndLine()
    {
        var text = new string('a', 321);
        Write(Valid.Replace("text: First step.", $"text: {text}\nsms: Short.", StringComparison.Ordinal));

        AssertError(EnFile, 9, "text is 321 characters; the limit is 320");
    }

    [Fact]
    public void Load_TextOver160WithoutSmsLine_NamesTextLine()
    {
        Write(Valid.Replace("text: First step.", "text: " + new string('a', 161), StringComparison.Ordinal));

        AssertError(EnFile, 9, "161 characters, over the 160 of one SMS (this text is also used for SMS; add a shorter 'sms:' line)");
    }

    [Fact]
    public void Load_SmsLineOver160_NamesSmsLine()
    {
        Write(Valid.Replace("text: First step.", "text: First step.\nsms: " + new string('a', 150) + "[[[[[[", StringComparison.Ordinal));

        AssertError(EnFile, 10, "162 characters, over the 160 of one SMS");
    }

    [Fact]
    public void Load_TextNotGsm7WithoutSmsLine_NamesTextLine()
    {
        Write(Valid.Replace("text: First step.", "text: First step 🙂", StringComparison.Ordinal));

        AssertError(EnFile, 9, "SMS text is not GSM-7: it contains '🙂'");
    }

    [Fact]
    public void Load_SmsLineNotGsm7_NamesSmsLine()
    {
        Write(Valid.Replace("text: First step.", "text: First step.\nsms: Breathe → rest", StringComparison.Ordinal));

        AssertError(EnFile, 10, "not GSM-7: it contains '→'");
    }

    [Fact]
    public void Load_ChoicePromptWithoutChoices_NamesStepLine()
    {
        Write(Valid.Replace("\nchoices: A | B", string.Empty, StringComparison.Ordinal));

        AssertError(EnFile, 11, "'prompt: choice' but no 'choices:' line");
    }

    [Fact]
    public void Load_MoreThanThreeChoices_NamesChoicesLine()
    {
        Write(Valid.Replace("choices: A | B", "choices: A | B | C | D", StringComparison.Ordinal));

        AssertError(EnFile, 14, "has 4 choices; at most 3");
    }

    [Fact]
    public void Load_ChoicesWithoutChoicePrompt_NamesChoicesLine()
    {
        Write(Valid.Replace("prompt: choice", "prompt: text", StringComparison.Ordinal));

        AssertError(EnFile, 14, "lists choices but its prompt is not 'choice'");
    }

    [Fact]
    public void Load_UnknownPrompt_NamesPromptLine()
    {
        Write(Valid.Replace("prompt: choice", "prompt: dance", StringComparison.Ordinal));

        AssertError(EnFile, 13, "'prompt:' must be none, text, choice or rating");
    }

    [Fact]
    public void Load_UnknownField_NamesLine()
    {
        Write(Valid.Replace("minutes: 3", "minutes: 3\ncolour: blue", StringComparison.Ordinal));

        AssertError(EnFile, 5, "Unknown field 'colour'");
    }

    [Fact]
    public void Load_HeaderFieldAfterStep_NamesLine()
    {
        Write(Valid + "\nminutes: 4\n");

        AssertError(EnFile, 15, "'minutes:' belongs in the header");
    }

    [Fact]
    public void Load_PracticeMissingInOneLocale_NamesExistingFile()
    {
        _root.Write(EnFile, Valid);

        AssertError(EnFile, 1, "Practice 'sample' has no 'es' translation");
    }

    [Fact]
    public void Load_StepMissingInOneLocale_NamesStepLine()
    {
        _root.Write(EnFile, Valid);
        _root.Write(EsFile, Valid[..Valid.IndexOf("step: two", StringComparison.Ordinal)]);

        AssertError(EnFile, 11, "Step 'two' has no 'es' translation in " + EsFile);
    }

    [Fact]
    public void Load_TranslationWithDifferentFamily_NamesTranslationLine()
    {
        _root.Write(EnFile, Valid);
        _root.Write(EsFile, Valid.Replace("family: somatic", "family: writing", StringComparison.Ordinal));

        AssertError(EsFile, 3, "Translation does not match: family 'writing'");
    }

    [Fact]
    public void Load_UnsupportedLocaleFolder_NamesFile()
    {
        Write(Valid);
        _root.Write("Practices/fr/sample.practice", Valid);

        AssertError("Practices/fr/sample.practice", 0, "supported locale");
    }

    [Fact]
    public void Load_SeveralBrokenFiles_ReportsEveryError()
    {
        _root.Write(EnFile, Valid.Replace("family: somatic", "family: dancing", StringComparison.Ordinal));
        _root.Write(EsFile, Valid.Replace("minutes: 3", "minutes: 42", StringComparison.Ordinal));

        var sut = Assert.Throws<ContentValidationException>(() => PracticeCatalog.Load(_root.Path));

        Assert.Contains($"{EnFile}:3: Unknown family", sut.Message, StringComparison.Ordinal);
        Assert.Contains($"{EsFile}:4: 'minutes:'", sut.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoPracticesFolder_Throws()
    {
        var sut = Assert.Throws<ContentValidationException>(() => PracticeCatalog.Load(_root.Path));

        Assert.Equal("Practices", Assert.Single(sut.Errors).File);
    }

    private void Write(string english)
    {
        _root.Write(EnFile, english);
        _root.Write(EsFile, Valid);
    }

    private ContentError AssertError(string file, int line, string message)
    {
        var exception = Assert.Throws<ContentValidationException>(() => PracticeCatalog.Load(_root.Path));
        var error = Assert.Single(exception.Errors, e => e.File == file && e.Line == line && e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Contains(error.ToString(), exception.Message, StringComparison.Ordinal);
        return error;
    }
}
