using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Conversation;
using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Practices;
using CompassionBot.Tests.Practices;

namespace CompassionBot.Tests.Conversation;

/// <summary>The practice menu over the real practices and texts: the short form's choice of practices and its length.</summary>
public sealed class PracticeMenuTests
{
    private static readonly PracticeCatalog Catalog = PracticeCatalog.Load(RealContent.RootPath);
    private static readonly HashSet<PracticeFamily> NoneTried = [];
    private readonly PracticeMenu _sut = new(MessageCatalog.Load(RealContent.RootPath));

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public void ShortText_TheLongestTitles_FitOneGsm7Sms(string locale)
    {
        var longest = Catalog.All(locale).OrderByDescending(p => Gsm7.Fold(p.Title).Length).Take(PracticeMenu.ShortSize).ToList();

        var text = Gsm7.Fold(_sut.ShortText(locale, longest.Select(p => p.Title)));

        Assert.True(Gsm7.FitsOneSegment(text), $"{Gsm7.SeptetCount(text)} septets: {text}");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public void For_ResumeOnSms_TheLongestTitles_FitOneGsm7Sms(string locale)
    {
        var longest = Catalog.All(locale).OrderByDescending(p => Gsm7.Fold(p.Title).Length).ToList();

        var sut = _sut.For(longest, new MenuRequest(locale, All: false, Buttons: false, NoneTried, Resume: longest[0]));

        var text = Gsm7.Fold(sut.Text);
        Assert.True(Gsm7.FitsOneSegment(text), $"{Gsm7.SeptetCount(text)} septets: {text}");
    }

    [Fact]
    public void ShortList_RankedPractices_TakesTheBestRankedOfEachFamilyInRankOrder()
    {
        var ranked = Catalog.All("en").Reverse().ToList();

        var menu = PracticeMenu.ShortList(ranked, NoneTried);

        var expected = ranked.GroupBy(p => p.Family).Select(g => g.First()).Take(PracticeMenu.ShortSize).ToList();
        Assert.Equal(expected, menu);
        Assert.Equal(menu.OrderBy(p => ranked.IndexOf(p)), menu);
    }

    [Fact]
    public void ShortList_EveryBestKindTried_GivesTheLastPlaceToAKindNotTried()
    {
        var ranked = Catalog.All("en");
        var bestKinds = ranked.Select(p => p.Family).Distinct().Take(PracticeMenu.ShortSize).ToHashSet();

        var menu = PracticeMenu.ShortList(ranked, bestKinds);

        Assert.Equal(ranked.Select(p => p.Family).Distinct().Take(PracticeMenu.ShortSize - 1), menu.Take(PracticeMenu.ShortSize - 1).Select(p => p.Family));
        Assert.DoesNotContain(menu[^1].Family, bestKinds);
        Assert.Equal(ranked.First(p => !bestKinds.Contains(p.Family)), menu[^1]);
    }

    [Fact]
    public void For_Short_ListsTheShortListAndMoreAndUnderstandsEveryOtherPracticeByName()
    {
        var ranked = Catalog.All("en");

        var sut = _sut.For(ranked, new MenuRequest("en", All: false, Buttons: false, NoneTried, Resume: null));

        var listed = PracticeMenu.ShortList(ranked, NoneTried);
        Assert.Equal([.. listed.Select(p => p.Title), "More practices"], sut.Choices.Select(c => c.Value));
        Assert.Equal(ranked.Count - listed.Count, sut.Unlisted!.Count);
        Assert.Equal(ranked.Select(p => p.Id).Order(StringComparer.Ordinal), sut.OfferedIds.Where(id => id != PracticeMenu.MoreId).Order(StringComparer.Ordinal));
        Assert.Equal(PracticeMenu.MoreId, sut.OfferedIds[listed.Count]);
        Assert.Equal(sut.Choices.Count + sut.Unlisted.Count, sut.OfferedIds.Count);
    }

    [Fact]
    public void For_AllWithoutButtons_NumbersEveryPracticeInMenuOrder()
    {
        var ranked = Catalog.All("en");

        var sut = _sut.For(ranked, new MenuRequest("en", All: true, Buttons: false, NoneTried, Resume: null));

        Assert.Equal(PracticeMenu.Order(ranked).Select(p => p.Id), sut.OfferedIds);
        Assert.Null(sut.Unlisted);
        Assert.StartsWith("Here are some practices.", sut.Text, StringComparison.Ordinal);
        Assert.Contains("\n1. ", sut.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void For_Buttons_TextDoesNotRepeatTheChoices(bool all)
    {
        var ranked = Catalog.All("en");

        var sut = _sut.For(ranked, new MenuRequest("en", all, Buttons: true, NoneTried, Resume: null));

        Assert.DoesNotContain('\n', sut.Text);
        Assert.All(sut.Choices, c => Assert.DoesNotContain(c.Value, sut.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void For_Resume_OffersItFirstAndLeavesThePausedPracticeOutOfTheSuggestions()
    {
        var ranked = Catalog.All("en");
        var paused = ranked[0];

        var sut = _sut.For(ranked, new MenuRequest("en", All: false, Buttons: true, NoneTried, paused));

        Assert.Equal(PracticeMenu.ResumeId, sut.OfferedIds[0]);
        Assert.Equal($"Resume {paused.Title}", sut.Choices[0].Value);
        Assert.Equal(PracticeMenu.ShortSize + 1, sut.Choices.Count);
        Assert.DoesNotContain(paused.Id, sut.OfferedIds.Take(sut.Choices.Count));
    }
}
