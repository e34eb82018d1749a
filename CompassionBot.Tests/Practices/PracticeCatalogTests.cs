using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Practices;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Practices;

public sealed class PracticeCatalogTests
{
    private const string English = """
        id: sample
        title: Sample
        family: somatic
        minutes: 3
        rating: after
        summary: A sample practice.

        step: one
        text: Breathe.\nThen breathe again.

        step: two
        text: Pick one.
        prompt: choice
        choices: A | B
        optional: yes
        """;

    private const string Spanish = """
        id: sample
        title: Ejemplo
        family: somatic
        minutes: 3
        rating: after
        summary: Una práctica de ejemplo.

        step: one
        text: Respira despacio; así está bien.

        step: two
        text: Elige una.
        prompt: choice
        choices: A | B
        optional: yes
        """;

    private static readonly PracticeCatalog Real = PracticeCatalog.Load(RealContent.RootPath);

    [Fact]
    public void Load_ValidFiles_ReadsEveryField()
    {
        using var root = WriteSample();

        var sut = PracticeCatalog.Load(root.Path).Get("sample", "en");

        Assert.Equal(("sample", "en", "Sample", PracticeFamily.Somatic, 3), (sut.Id, sut.Locale, sut.Title, sut.Family, sut.Minutes));
        Assert.Equal((false, true, "A sample practice."), (sut.RateBefore, sut.RateAfter, sut.Summary));
        Assert.Equal(2, sut.Steps.Count);
        Assert.Equal(("one", "Breathe.\nThen breathe again.", null, StepPromptKind.None, false), Fields(sut.Steps[0]));
        Assert.Empty(sut.Steps[0].Choices);
        Assert.Equal(("two", "Pick one.", null, StepPromptKind.Choice, true), Fields(sut.Steps[1]));
        Assert.Equal(["A", "B"], sut.Steps[1].Choices);
    }

    [Fact]
    public void Load_TextWithAccents_SmsTextIsGsmFoldedVariant()
    {
        using var root = WriteSample();

        var sut = PracticeCatalog.Load(root.Path).Get("sample", "es");

        Assert.Equal("Respira despacio; así está bien.", sut.Steps[0].Text);
        Assert.Equal("Respira despacio; asi esta bien.", sut.Steps[0].SmsText);
    }

    [Fact]
    public void Load_SmsLineGiven_SmsTextIsThatLineFolded()
    {
        using var root = WriteSample(es: Spanish.Replace("text: Elige una.", "text: Elige una.\nsms: Elige una opción.", StringComparison.Ordinal));

        var sut = PracticeCatalog.Load(root.Path).Get("sample", "es");

        Assert.Equal("Elige una opcion.", sut.Steps[1].SmsText);
    }

    [Fact]
    public void Load_RealContent_LoadsEveryLocale()
    {
        var sut = PracticeCatalog.Load(RealContent.RootPath);

        Assert.NotEmpty(sut.All("en"));
        Assert.Equal(sut.All("en").Select(p => p.Id).Order(), sut.All("es").Select(p => p.Id).Order());
    }

    [Theory]
    [InlineData("es-MX", "es")]
    [InlineData("ES", "es")]
    [InlineData("en-US", "en")]
    [InlineData("fr-FR", "en")]
    [InlineData("", "en")]
    public void All_Locale_ReturnsThatLanguageOrEnglish(string locale, string expected)
    {
        var sut = Real.All(locale);

        Assert.All(sut, p => Assert.Equal(expected, p.Locale));
    }

    [Fact]
    public void All_RealContent_OrderedByFamilyThenMinutes()
    {
        var sut = Real.All("en");

        Assert.Equal(sut.OrderBy(p => p.Family).ThenBy(p => p.Minutes).Select(p => p.Id), sut.Select(p => p.Id));
    }

    [Fact]
    public void Get_UnknownId_ThrowsKeyNotFound() =>
        Assert.Throws<KeyNotFoundException>(() => Real.Get("no-such-practice", "en"));

    [Fact]
    public void Get_SpanishLocale_ReturnsSpanishText()
    {
        var sut = Real.Get("self-compassion-break", "es-419");

        Assert.Equal("es", sut.Locale);
        Assert.Equal("Pausa de autocompasión", sut.Title);
    }

    [Fact]
    public void TryGet_UnknownId_ReturnsFalse() => Assert.False(Real.TryGet("no-such-practice", "es", out _));

    [Fact]
    public void TryGet_KnownId_ReturnsPractice()
    {
        Assert.True(Real.TryGet("three-good-things", "en", out var sut));
        Assert.Equal(PracticeFamily.Gratitude, sut.Family);
    }

    private static TempContentRoot WriteSample(string en = English, string es = Spanish)
    {
        var root = new TempContentRoot();
        root.Write("Practices/en/sample.practice", en);
        root.Write("Practices/es/sample.practice", es);
        return root;
    }

    private static (string, string, string?, StepPromptKind, bool) Fields(PracticeStep step) =>
        (step.Id, step.Text, step.SmsText, step.Prompt, step.Optional);
}
