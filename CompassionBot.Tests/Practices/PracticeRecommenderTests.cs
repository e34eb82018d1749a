using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Practices;
using static CompassionBot.Tests.Support.TestPractices;

namespace CompassionBot.Tests.Practices;

public sealed class PracticeRecommenderTests
{
    private static readonly Practice Break = Make("break", PracticeFamily.Meditative, 4);
    private static readonly Practice Kindness = Make("kindness", PracticeFamily.Meditative, 5);
    private static readonly Practice Presence = Make("presence", PracticeFamily.Imagery, 6);
    private static readonly Practice Breath = Make("breath", PracticeFamily.Somatic, 3);
    private static readonly Practice Touch = Make("touch", PracticeFamily.Somatic, 2);
    private static readonly Practice Letter = Make("letter", PracticeFamily.Writing, 10);
    private static readonly Practice Need = Make("need", PracticeFamily.Action, 2);
    private static readonly Practice Good = Make("good", PracticeFamily.Gratitude, 4);
    private static readonly IReadOnlyList<Practice> All = [Break, Kindness, Presence, Breath, Touch, Letter, Need, Good];

    [Fact]
    public void Rank_FamilyRejectedTwice_LeavesItOut()
    {
        var profile = Profile(Session(Presence, Resonance.NotForMe), Session(Presence, outcome: SessionOutcome.NotResonating));

        var sut = PracticeRecommender.Rank(All, profile);

        Assert.DoesNotContain(sut, p => p.Family == PracticeFamily.Imagery);
        Assert.Equal(All.Count - 1, sut.Count);
    }

    [Fact]
    public void Rank_FamilyRejectedOnce_StillOffersIt()
    {
        var profile = Profile(Session(Presence, Resonance.NotForMe));

        var sut = PracticeRecommender.Rank(All, profile);

        Assert.Contains(Presence, sut);
    }

    [Fact]
    public void Rank_FamilyThatHelped_ComesFirst()
    {
        var profile = Profile(Session(Letter, Resonance.Helpful));

        var sut = PracticeRecommender.Rank(All, profile);

        Assert.Equal(Letter, sut[0]);
    }

    [Fact]
    public void Rank_NoImprovementTwiceInAFamily_FamilyNoLongerFirst()
    {
        var profile = Profile(Session(Break, before: 4, after: 6), Session(Kindness, before: 3, after: 3));

        var sut = PracticeRecommender.Rank(All, profile);

        Assert.NotEqual(PracticeFamily.Meditative, sut[0].Family);
        Assert.Equal([Break, Kindness], sut.TakeLast(2));
    }

    [Fact]
    public void Rank_NoImprovementOnce_KeepsTheOrder()
    {
        var profile = Profile(Session(Break, before: 4, after: 6));

        var sut = PracticeRecommender.Rank(All, profile);

        Assert.Equal(All, sut);
    }

    [Fact]
    public void Rank_TopThreeAllTried_BringsSomethingNewIntoTheTopThree()
    {
        var profile = Profile(Session(Break, Resonance.Helpful), Session(Kindness, Resonance.Helpful), Session(Letter, Resonance.Helpful));

        var sut = PracticeRecommender.Rank(All, profile);

        Assert.Equal([Break, Kindness], sut.Take(2));
        Assert.Equal(Presence, sut[2]);
        Assert.Equal(All.Count, sut.Count);
    }

    [Fact]
    public void Alternatives_Always_OnlyOtherFamiliesOnePerFamilyAtMostThree()
    {
        var sut = PracticeRecommender.Alternatives(All, Profile(), Break);

        Assert.Equal(PracticeRecommender.MaxAlternatives, sut.Count);
        Assert.DoesNotContain(sut, p => p.Family == Break.Family);
        Assert.Equal(sut.Count, sut.Select(p => p.Family).Distinct().Count());
    }

    [Fact]
    public void Alternatives_FamilyThatHelped_OfferedFirst()
    {
        var sut = PracticeRecommender.Alternatives(All, Profile(Session(Good, Resonance.Helpful)), Break);

        Assert.Equal(Good, sut[0]);
    }

    [Fact]
    public void Shorter_Always_PicksTheShortestFromAnotherFamilyNotAlreadyOffered()
    {
        var sut = PracticeRecommender.Shorter(All, Presence, [Break, Touch]);

        Assert.Equal(Need, sut);
    }

    [Fact]
    public void Shorter_NothingShorterElsewhere_ReturnsNull()
    {
        var sut = PracticeRecommender.Shorter(All, Touch, []);

        Assert.Null(sut);
    }
}
