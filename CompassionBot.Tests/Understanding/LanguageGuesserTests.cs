using CompassionBot.Dialogs.Understanding;

namespace CompassionBot.Tests.Understanding;

public sealed class LanguageGuesserTests
{
    [Theory]
    [InlineData("I just want to sleep and not wake up", null, "en")]
    [InlineData("ya no quiero estar aqui", "en-US", "es")]
    [InlineData("hola, me siento mal hoy", "en", "es")]
    [InlineData("thanks, that helped", "es-MX", "en")]
    [InlineData("ok", "es-MX", "es")]
    [InlineData("ok", null, "en")]
    [InlineData("7", "es", "es")]
    public void Guess_Message_ReturnsItsLanguageOrTheConversationsOnATie(string text, string? conversation, string expected) =>
        Assert.Equal(expected, LanguageGuesser.Guess(TextCanonicaliser.Canonicalise(text), conversation));

    [Theory]
    [InlineData("hola", "es")]
    [InlineData("Hola!", "es")]
    [InlineData("hola, me siento mal", "es")]
    [InlineData("me siento mal", "es")]
    [InlineData("hello", "en")]
    [InlineData("I'm feeling really anxious about tomorrow", "en")]
    [InlineData("ok", null)]
    [InlineData("okay", null)]
    [InlineData("7", null)]
    [InlineData("Me ayudó", null)]
    [InlineData("Neutral", null)]
    [InlineData("the mejor", null)]
    public void Plainly_Message_IsTheLanguageItIsPlainlyWrittenInOrNull(string text, string? expected) =>
        Assert.Equal(expected, LanguageGuesser.Plainly(TextCanonicaliser.Canonicalise(text)));
}
