using CompassionBot.Dialogs.Content;
using CompassionBot.Sms;

namespace CompassionBot.Tests.Sms;

public sealed class SmsTextTests
{
    [Fact]
    public void Split_LongText_SplitsAtSentenceEndsIntoSingleSegmentsInOrder()
    {
        var sentences = Enumerable.Range(1, 8).Select(i => $"This is sentence number {i}, which is about forty-five chars.").ToList();
        var text = string.Join(' ', sentences);

        var sut = SmsText.Split(text);

        Assert.True(sut.Count > 1);
        Assert.All(sut, part => Assert.True(Gsm7.FitsOneSegment(part), part));
        Assert.All(sut, part => Assert.EndsWith(".", part, StringComparison.Ordinal));
        Assert.Equal(text, string.Join(' ', sut));
    }

    [Fact]
    public void Split_ShortText_IsOneMessage()
    {
        var sut = SmsText.Split("Take a slow breath. Notice your feet on the floor.");

        Assert.Equal(["Take a slow breath. Notice your feet on the floor."], sut);
    }

    [Fact]
    public void Split_SentenceLongerThanOneSms_SplitsBetweenWords()
    {
        var text = string.Join(' ', Enumerable.Repeat("gently", 60));

        var sut = SmsText.Split(text);

        Assert.Equal(3, sut.Count);
        Assert.All(sut, part => Assert.True(part.Length <= Gsm7.SingleSegmentLimit));
        Assert.Equal(text, string.Join(' ', sut));
    }

    [Fact]
    public void Sanitize_TypographicQuotesDashesAndEmoji_BecomesPlainGsm7()
    {
        var sut = SmsText.Sanitize("It\u2019s \u201Cokay\u201D \u2014 really\u2026 \U0001F49B");

        Assert.Equal("It's \"okay\" - really...", sut);
        Assert.True(Gsm7.IsEncodable(sut));
    }

    [Fact]
    public void Sanitize_SpanishAccents_KeepsGsmLettersAndFoldsOthers()
    {
        var sut = SmsText.Sanitize("¿Cómo estás? Mañana será mejor.");

        Assert.Equal("¿Como estas? Mañana será mejor.".Replace("á", "a", StringComparison.Ordinal), sut);
        Assert.True(Gsm7.IsEncodable(sut));
    }
}
