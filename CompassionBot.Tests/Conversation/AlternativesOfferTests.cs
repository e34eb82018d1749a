using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Conversation;
using CompassionBot.Dialogs.Practices;
using CompassionBot.Tests.Practices;

namespace CompassionBot.Tests.Conversation;

/// <summary>The offer after a practice did not resonate, over the real practices and texts: what each form lists and the SMS form's length.</summary>
public sealed class AlternativesOfferTests
{
    private static readonly PracticeCatalog Catalog = PracticeCatalog.Load(RealContent.RootPath);
    private readonly AlternativesOffer _sut = new(MessageCatalog.Load(RealContent.RootPath));

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public void For_Sms_TheLongestTitles_FitOneGsm7Sms(string locale)
    {
        var longest = Catalog.All(locale).OrderByDescending(p => Gsm7.Fold(p.Title).Length).Take(AlternativesOffer.SmsSize).ToList();

        var withShorter = Gsm7.Fold(_sut.For(longest[..^1], longest[^1], locale, sms: true).Text);
        var withoutShorter = Gsm7.Fold(_sut.For(longest, null, locale, sms: true).Text);

        Assert.True(Gsm7.FitsOneSegment(withShorter), $"{Gsm7.SeptetCount(withShorter)} septets: {withShorter}");
        Assert.True(Gsm7.FitsOneSegment(withoutShorter), $"{Gsm7.SeptetCount(withoutShorter)} septets: {withoutShorter}");
    }

    [Fact]
    public void For_SmsWithShorter_ListsTwoAlternativesAndTheShorterAndUnderstandsTheThirdByName()
    {
        var (alternatives, shorter) = ThreeAlternativesAndShorter();

        var sut = _sut.For(alternatives, shorter, "en", sms: true);

        Assert.Equal([alternatives[0].Title, alternatives[1].Title, shorter.Title], sut.Choices.Select(c => c.Value));
        Assert.Equal([alternatives[2].Title], sut.Unlisted!.Select(c => c.Value));
        Assert.Equal([alternatives[0].Id, alternatives[1].Id, shorter.Id, alternatives[2].Id], sut.OfferedIds);
        Assert.True(sut.ChoicesInText);
        Assert.EndsWith($"\n3. {shorter.Title} ({shorter.Minutes} min)", sut.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(AlternativesOffer.PauseId, sut.OfferedIds);
    }

    [Fact]
    public void For_SmsWithoutShorter_ListsThreeAlternatives()
    {
        var (alternatives, _) = ThreeAlternativesAndShorter();

        var sut = _sut.For(alternatives, null, "en", sms: true);

        Assert.Equal(alternatives.Select(p => p.Id), sut.OfferedIds);
        Assert.Empty(sut.Unlisted!);
        Assert.StartsWith("Try a different kind? Reply with a number, or LATER:\n1. ", sut.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void For_Buttons_OffersEveryAlternativeTheShorterAndAPause()
    {
        var (alternatives, shorter) = ThreeAlternativesAndShorter();

        var sut = _sut.For(alternatives, shorter, "en", sms: false);

        Assert.Equal([.. alternatives.Select(p => p.Id), shorter.Id, AlternativesOffer.PauseId], sut.OfferedIds);
        Assert.Equal($"Something shorter: {shorter.Title} ({shorter.Minutes} min)", sut.Choices[3].Value);
        Assert.Equal("Take a break", sut.Choices[4].Value);
        Assert.False(sut.ChoicesInText);
        Assert.Null(sut.Unlisted);
    }

    private static (IReadOnlyList<Practice> Alternatives, Practice Shorter) ThreeAlternativesAndShorter()
    {
        var practices = Catalog.All("en").GroupBy(p => p.Family).Select(g => g.First()).Take(4).ToList();
        return (practices[..3], practices[3]);
    }
}
