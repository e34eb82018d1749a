using CompassionBot.Dialogs.Engagement;
using CompassionBot.Tests.Practices;

namespace CompassionBot.Tests.Engagement;

/// <summary>The detector with the real <c>signals.phrases</c> files.</summary>
public sealed class EngagementDetectorTests
{
    private static readonly EngagementDetector Sut = EngagementDetector.Load(RealContent.RootPath);

    [Theory]
    [InlineData("this isn't helping")]
    [InlineData("I don't feel anything")]
    [InlineData("honestly this is cheesy")]
    [InlineData("Not for me.")]
    [InlineData("this isn't doing anything for me")]
    [InlineData("no me sirve")]
    [InlineData("la verdad no es para mi")]
    [InlineData("No siento nada")]
    [InlineData("qué cursi")]
    public void Detect_NonResonancePhrase_IsExplicitNonResonance(string text)
    {
        Assert.Equal(EngagementSignal.ExplicitNonResonance, Sut.Detect(text, invitesMore: false));
    }

    [Theory]
    [InlineData("I tell myself I'm stupid")]
    [InlineData("I feel so silly when I mess up")]
    [InlineData("me digo que soy tonta")]
    [InlineData("a walk would help me")]
    public void Detect_SelfCriticismOrOrdinaryAnswer_IsNotNonResonance(string text)
    {
        Assert.Equal(EngagementSignal.None, Sut.Detect(text, invitesMore: true));
    }

    [Theory]
    [InlineData("skip")]
    [InlineData("Next")]
    [InlineData("saltar")]
    [InlineData("Siguiente")]
    [InlineData("Sigamos")]
    public void Detect_SkipWord_IsSkip(string text)
    {
        Assert.Equal(EngagementSignal.Skip, Sut.Detect(text, invitesMore: true));
    }

    [Theory]
    [InlineData("meh")]
    [InlineData("idk")]
    [InlineData("ni idea")]
    [InlineData("me da igual")]
    public void Detect_MinimalWordAfterAnInstruction_IsMinimalReply(string text)
    {
        Assert.Equal(EngagementSignal.MinimalReply, Sut.Detect(text, invitesMore: false));
    }

    [Theory]
    [InlineData("fine")]
    [InlineData("bien")]
    [InlineData("🙂👍")]
    public void Detect_OneWordOrEmojiToAQuestion_IsMinimalReply(string text)
    {
        Assert.Equal(EngagementSignal.MinimalReply, Sut.Detect(text, invitesMore: true));
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("👍")]
    public void Detect_OneWordAfterAnInstruction_IsNothing(string text)
    {
        Assert.Equal(EngagementSignal.None, Sut.Detect(text, invitesMore: false));
    }

    [Theory]
    [InlineData(new[] { 12, 6, 2 }, true)]
    [InlineData(new[] { 12, 6, 5 }, false)]
    [InlineData(new[] { 6, 6, 2 }, false)]
    [InlineData(new[] { 6, 2 }, false)]
    public void IsShrinking_WordCounts_TrueOnlyWhenThreeShrinkToAFewWords(int[] counts, bool expected)
    {
        Assert.Equal(expected, EngagementDetector.IsShrinking(counts));
    }
}
