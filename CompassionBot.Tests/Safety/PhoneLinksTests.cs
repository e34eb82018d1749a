using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Tests.Safety;

/// <summary>Crisis and clinic numbers as tap-to-call links for web chat.</summary>
public sealed class PhoneLinksTests
{
    [Theory]
    [InlineData("call or text 988", "call or text [988](tel:988)")]
    [InlineData("Call or text 988 (Suicide & Crisis Lifeline) any time, or text HOME to 741741. If you are in danger now, call 911.",
        "Call or text [988](tel:988) (Suicide & Crisis Lifeline) any time, or text HOME to 741741. If you are in danger now, call [911](tel:911).")]
    [InlineData("call Samaritans on 116 123", "call Samaritans on [116 123](tel:116123)")]
    [InlineData("or Poison Control on 1-800-222-1222, even if", "or Poison Control on [1-800-222-1222](tel:18002221222), even if")]
    [InlineData("llama o escribe AYUDA al 988", "llama o escribe AYUDA al [988](tel:988)")]
    [InlineData("o escribe SHOUT al 85258 (en inglés)", "o escribe SHOUT al 85258 (en inglés)")]
    [InlineData("Llama al 988 y marca 2 para español", "Llama al [988](tel:988) y marca 2 para español")]
    [InlineData("call 112 or 999", "call [112](tel:112) or [999](tel:999)")]
    [InlineData("Your clinic: +1 (555) 010-0100.", "Your clinic: [+1 (555) 010-0100](tel:+15550100100).")]
    [InlineData("help 24/7 at findahelpline.com", "help 24/7 at findahelpline.com")]
    public void Markdown_LineText_LinksEveryNumberToCallOfThreeDigitsOrMore(string text, string expected) =>
        Assert.Equal(expected, PhoneLinks.Markdown(text));
}
