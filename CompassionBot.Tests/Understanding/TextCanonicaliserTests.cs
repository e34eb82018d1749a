using CompassionBot.Dialogs.Understanding;

namespace CompassionBot.Tests.Understanding;

public sealed class TextCanonicaliserTests
{
    [Theory]
    [InlineData("I want to kill\nmyself", "I want to kill myself")]
    [InlineData("line one\r\n\r\nline two", "line one line two")]
    [InlineData("tab\tand  two spaces", "tab and two spaces")]
    [InlineData("zero\u200Bwidth", "zerowidth")]
    [InlineData("soft\u00ADhyphen", "softhyphen")]
    [InlineData("\uFEFFbom and \u200Frtl mark", "bom and rtl mark")]
    [InlineData("\uFF2B\uFF29\uFF2C\uFF2C", "KILL")]
    [InlineData("\u0456 want", "i want")]
    [InlineData("caf\u0065\u0301 está", "cafe esta")]
    [InlineData("I want to&nbsp;die", "I want to die")]
    [InlineData("  padded  ", "padded")]
    public void Canonicalise_DisguisedText_ReturnsPlainText(string text, string expected) =>
        Assert.Equal(expected, TextCanonicaliser.Canonicalise(text));

    [Fact]
    public void Canonicalise_PlainAscii_ReturnsTheSameInstance()
    {
        const string text = "I'm okay, thanks. 5/10";

        var sut = TextCanonicaliser.Canonicalise(text);

        Assert.Same(text, sut);
    }

    [Fact]
    public void Canonicalise_CyrillicWithoutLatinLetters_IsLeftAsWritten()
    {
        const string text = "привет";

        var sut = TextCanonicaliser.Canonicalise(text);

        Assert.Equal(text, sut);
    }
}
