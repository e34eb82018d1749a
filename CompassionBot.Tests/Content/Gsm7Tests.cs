using CompassionBot.Dialogs.Content;

namespace CompassionBot.Tests.Content;

public sealed class Gsm7Tests
{
    [Theory]
    [InlineData("Hello, how are you? 0-10 @ £ ¿ñ ü é!")]
    [InlineData("Braces {x} and € count as extension characters.")]
    public void IsEncodable_GsmText_ReturnsTrue(string text) => Assert.True(Gsm7.IsEncodable(text));

    [Theory]
    [InlineData("A smile 🙂")]
    [InlineData("It’s curly")]
    [InlineData("práctica")]
    [InlineData("arrow →")]
    public void IsEncodable_NonGsmText_ReturnsFalse(string text) => Assert.False(Gsm7.IsEncodable(text));

    [Fact]
    public void SeptetCount_ExtensionCharacters_CountTwo() => Assert.Equal(3 + 2 * 3, Gsm7.SeptetCount("abc{}€"));

    [Fact]
    public void Fold_SpanishAndTypography_ReplacedWithGsmLookAlikes()
    {
        var sut = Gsm7.Fold("¿Cómo está tu corazón? “Así” — it’s fine… Él·ella");

        Assert.Equal("¿Como esta tu corazon? \"Asi\" - it's fine... Él-ella", sut);
        Assert.True(Gsm7.IsEncodable(sut));
    }

    [Fact]
    public void Fold_GsmText_ReturnsSameInstance()
    {
        const string text = "Nothing to change here.";

        Assert.Same(text, Gsm7.Fold(text));
    }

    [Fact]
    public void InvalidCharacters_EmojiAndArrow_ListedOnceEach()
    {
        var sut = Gsm7.InvalidCharacters("ok 🙂 → 🙂 ok");

        Assert.Equal(["🙂", "→"], sut);
    }
}
