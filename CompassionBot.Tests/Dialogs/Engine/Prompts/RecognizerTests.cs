using CompassionBot.Dialogs.Engine.Prompts;

namespace CompassionBot.Tests.Dialogs.Engine.Prompts;

public sealed class RecognizerTests
{
    private static readonly Choice[] Choices = [new("Helpful"), new("Neutral"), new("Not for me", ["nope"]), new("Cómo te sientes")];

    [Theory]
    [InlineData("Helpful", 0)]
    [InlineData("  helpful!! ", 0)]
    [InlineData("2", 1)]
    [InlineData("two", 1)]
    [InlineData("number 3", 2)]
    [InlineData("the second one", 1)]
    [InlineData("the last one", 3)]
    [InlineData("la última", 3)]
    [InlineData("primero", 0)]
    [InlineData("nope", 2)]
    [InlineData("honestly it was not for me", 2)]
    [InlineData("como te sientes", 3)]
    [InlineData("CÓMO TE SIENTES", 3)]
    public void ChoiceRecognizer_Recognize_FindsTheChoice(string text, int expected)
    {
        var sut = ChoiceRecognizer.Recognize(text, Choices);

        Assert.Equal(expected, sut?.Index);
    }

    [Theory]
    [InlineData("")]
    [InlineData("purple")]
    [InlineData("7")]
    [InlineData("zero")]
    public void ChoiceRecognizer_Recognize_NothingMatches_ReturnsNull(string text) =>
        Assert.Null(ChoiceRecognizer.Recognize(text, Choices));

    [Theory]
    [InlineData("Soothing Touch", 0)]
    [InlineData("3", 2)]
    [InlineData("the last one", 2)]
    [InlineData("Three Good Things", 3)]
    [InlineData("three good things please", 3)]
    [InlineData("let us do a kind reply", 4)]
    public void ChoiceRecognizer_RecognizeWithUnlisted_NamesFindUnlistedNumbersOnlyListed(string text, int expected)
    {
        Choice[] listed = [new("Soothing Touch"), new("A Compassionate Letter"), new("More practices", ["more"])];
        Choice[] unlisted = [new("Three Good Things"), new("A Kind Reply")];

        var sut = ChoiceRecognizer.Recognize(text, listed, unlisted);

        Assert.Equal(expected, sut?.Index);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("fifth")]
    public void ChoiceRecognizer_RecognizeWithUnlisted_NumberPastTheListed_ReturnsNull(string text) =>
        Assert.Null(ChoiceRecognizer.Recognize(text, [new Choice("Soothing Touch"), new Choice("More practices")], [new Choice("Three Good Things"), new Choice("A Kind Reply"), new Choice("Soothing Breath")]));

    [Theory]
    [InlineData("7", 7)]
    [InlineData("seven", 7)]
    [InlineData("siete", 7)]
    [InlineData("7/10", 7)]
    [InlineData("7 out of 10", 7)]
    [InlineData("about a 6", 6)]
    [InlineData("0", 0)]
    [InlineData("10", 10)]
    [InlineData("diez", 10)]
    public void RatingRecognizer_Recognize_ReadsTheRating(string text, int expected) =>
        Assert.Equal(expected, RatingRecognizer.Recognize(text));

    [Theory]
    [InlineData("11")]
    [InlineData("-3")]
    [InlineData("pretty bad")]
    [InlineData("between 4 and 6")]
    [InlineData("")]
    public void RatingRecognizer_Recognize_NoSingleRatingInRange_ReturnsNull(string text) =>
        Assert.Null(RatingRecognizer.Recognize(text));

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yeah sure", true)]
    [InlineData("sí", true)]
    [InlineData("claro que sí", true)]
    [InlineData("no", false)]
    [InlineData("nope", false)]
    [InlineData("not now", false)]
    [InlineData("todavía no", false)]
    public void ConfirmRecognizer_Recognize_YesAndNoInEnglishAndSpanish(string text, bool expected) =>
        Assert.Equal(expected, ConfirmRecognizer.Recognize(text));

    [Theory]
    [InlineData("maybe")]
    [InlineData("I don't know")]
    [InlineData("")]
    public void ConfirmRecognizer_Recognize_Unclear_ReturnsNull(string text) =>
        Assert.Null(ConfirmRecognizer.Recognize(text));
}
