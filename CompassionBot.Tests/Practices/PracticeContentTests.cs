using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Practices;

namespace CompassionBot.Tests.Practices;

/// <summary>Checks over the real practice files: what clinicians and SMS need from them.</summary>
public sealed class PracticeContentTests
{
    private static readonly PracticeCatalog Catalog = PracticeCatalog.Load(RealContent.RootPath);

    public static TheoryData<string> Locales => [.. SupportedLocales.All];

    [Theory]
    [MemberData(nameof(Locales))]
    public void Catalog_EveryLocale_HasAtLeastTenPracticesInSixFamilies(string locale)
    {
        var sut = Catalog.All(locale);

        Assert.True(sut.Count >= 10, $"{sut.Count} practices in '{locale}'.");
        Assert.True(sut.Select(p => p.Family).Distinct().Count() >= 6, $"Families in '{locale}': {string.Join(", ", sut.Select(p => p.Family).Distinct())}.");
        Assert.All(sut, p => Assert.Equal(locale, p.Locale));
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void Steps_EveryLocale_FitOneGsm7Sms(string locale)
    {
        var tooLong = Catalog.All(locale)
            .SelectMany(p => p.Steps.Select(s => (Where: $"{p.Id}/{s.Id}", Sms: s.SmsText ?? s.Text)))
            .Where(x => !Gsm7.FitsOneSegment(x.Sms))
            .Select(x => $"{x.Where}: {Gsm7.SeptetCount(x.Sms)} septets, non-GSM: {string.Join(" ", Gsm7.InvalidCharacters(x.Sms))}");

        Assert.Empty(tooLong);
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void Steps_EveryLocale_TextAtMost320AndSmsOnlyWhenNeeded(string locale)
    {
        var steps = Catalog.All(locale).SelectMany(p => p.Steps).ToList();

        Assert.All(steps, s => Assert.InRange(s.Text.Length, 1, 320));
        Assert.All(steps.Where(s => s.SmsText is null), s => Assert.True(Gsm7.FitsOneSegment(s.Text), s.Id));
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void Practices_EveryLocale_SummaryAndChoicesFitSms(string locale)
    {
        var practices = Catalog.All(locale);

        Assert.All(practices, p => Assert.True(Gsm7.FitsOneSegment(Gsm7.Fold(p.Summary)), p.Id));
        Assert.All(practices, p => Assert.InRange(p.Minutes, 1, 10));
        Assert.All(
            practices.SelectMany(p => p.Steps).Where(s => s.Prompt == StepPromptKind.Choice),
            s => Assert.InRange(s.Choices.Count, 1, 3));
    }

    [Theory]
    [InlineData("self-compassion-break", PracticeFamily.Meditative)]
    [InlineData("loving-kindness", PracticeFamily.Meditative)]
    [InlineData("compassion-for-others", PracticeFamily.Meditative)]
    [InlineData("compassionate-other", PracticeFamily.Imagery)]
    [InlineData("compassionate-self", PracticeFamily.Imagery)]
    [InlineData("soothing-touch", PracticeFamily.Somatic)]
    [InlineData("soothing-breath", PracticeFamily.Somatic)]
    [InlineData("compassionate-letter", PracticeFamily.Writing)]
    [InlineData("treat-a-friend", PracticeFamily.Writing)]
    [InlineData("small-kindness", PracticeFamily.Action)]
    [InlineData("what-do-i-need", PracticeFamily.Action)]
    [InlineData("three-good-things", PracticeFamily.Gratitude)]
    [InlineData("kind-reply", PracticeFamily.CareForOthers)]
    public void Catalog_RequiredPractice_ExistsInBothLocalesWithFamily(string id, PracticeFamily family)
    {
        Assert.All(SupportedLocales.All, locale => Assert.Equal(family, Catalog.Get(id, locale).Family));
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void SelfCompassionBreak_EveryLocale_FollowsNeffsThreePartsWithRatings(string locale)
    {
        var sut = Catalog.Get("self-compassion-break", locale);

        Assert.True(sut.RateBefore && sut.RateAfter);
        Assert.Equal(["difficulty", "mindfulness", "common-humanity", "touch", "kindness"], sut.Steps.Select(s => s.Id));
        Assert.True(sut.Steps.Single(s => s.Id == "touch").Optional);
        Assert.Equal(StepPromptKind.Text, sut.Steps.Single(s => s.Id == "kindness").Prompt);
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void Practices_EveryLocale_TwoMinutesOrMoreAskDistressBeforeAndAfter(string locale)
    {
        var unrated = Catalog.All(locale).Where(p => p.Minutes >= 2 && !(p.RateBefore && p.RateAfter)).Select(p => p.Id);

        Assert.Empty(unrated);
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void CompassionForOthers_EveryLocale_FollowsWengSequenceWithDifficultPersonOptional(string locale)
    {
        var sut = Catalog.Get("compassion-for-others", locale).Steps;
        var targets = sut.Where(s => s.Id is "loved-one" or "self" or "stranger" or "difficult-person").ToList();

        Assert.Equal(["loved-one", "self", "stranger", "difficult-person"], targets.Select(s => s.Id));
        Assert.Equal([false, false, false, true], targets.Select(s => s.Optional));
    }

    [Theory]
    [InlineData("en", "\"see\"")]
    [InlineData("es", "\"ver\"")]
    public void ImageryPractices_FirstStep_SaysSeeingImagesIsNotRequired(string locale, string word)
    {
        var imagery = Catalog.All(locale).Where(p => p.Family == PracticeFamily.Imagery).ToList();

        Assert.NotEmpty(imagery);
        Assert.All(imagery, p => Assert.Contains(word, p.Steps[0].Text, StringComparison.Ordinal));
    }
}
