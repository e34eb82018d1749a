using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Conversation;
using CompassionBot.Dialogs.Practices;
using CompassionBot.Tests.Practices;

namespace CompassionBot.Tests.Conversation;

/// <summary>The practice menu over the real practices and texts: the short form's choice of practices and its length.</summary>
public sealed class PracticeMenuTests
{
    private static readonly PracticeCatalog Catalog = PracticeCatalog.Load(RealContent.RootPath);
    private readonly PracticeMenu _sut = new(MessageCatalog.Load(RealContent.RootPath));

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public void ShortText_TheLongestTitles_FitOneGsm7Sms(string locale)
    {
        var longest = Catalog.All(locale).OrderByDescending(p => Gsm7.Fold(p.Title).Length).Take(PracticeMenu.ShortSize).ToList();

        var text = Gsm7.Fold(_sut.ShortText(locale, longest));

        Assert.True(Gsm7.FitsOneSegment(text), $"{Gsm7.SeptetCount(text)} septets: {text}");
    }

    [Fact]
    public void ShortList_RankedPractices_TakesTheBestRankedOfEachFamilyInRankOrder()
    {
        var ranked = Catalog.All("en").Reverse().ToList();

        var menu = PracticeMenu.ShortList(ranked);

        var expected = ranked.GroupBy(p => p.Family).Select(g => g.First()).Take(PracticeMenu.ShortSize).ToList();
        Assert.Equal(expected, menu);
        Assert.Equal(menu.OrderBy(p => ranked.IndexOf(p)), menu);
    }

    [Fact]
    public void For_PreferShort_ListsTheShortListAndMoreAndUnderstandsEveryOtherPracticeByName()
    {
        var ranked = Catalog.All("en");

        var sut = _sut.For(ranked, "en", preferShort: true);

        var listed = PracticeMenu.ShortList(ranked);
        Assert.Equal([.. listed.Select(p => p.Title), "More practices"], sut.Choices.Select(c => c.Value));
        Assert.Equal(ranked.Count - listed.Count, sut.Unlisted!.Count);
        Assert.Equal(ranked.Select(p => p.Id).Order(StringComparer.Ordinal), sut.OfferedIds.Where(id => id != PracticeMenu.MoreId).Order(StringComparer.Ordinal));
        Assert.Equal(PracticeMenu.MoreId, sut.OfferedIds[listed.Count]);
        Assert.Equal(sut.Choices.Count + sut.Unlisted.Count, sut.OfferedIds.Count);
    }

    [Fact]
    public void For_NotShort_ListsEveryPracticeInMenuOrder()
    {
        var ranked = Catalog.All("en");

        var sut = _sut.For(ranked, "en", preferShort: false);

        Assert.Equal(PracticeMenu.Order(ranked).Select(p => p.Id), sut.OfferedIds);
        Assert.Null(sut.Unlisted);
        Assert.StartsWith("Here are some practices.", sut.Text, StringComparison.Ordinal);
    }
}
