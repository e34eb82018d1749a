using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Intents;
using CompassionBot.Tests.Practices;

namespace CompassionBot.Tests.Intents;

/// <summary>The recognizer with the real <c>interruptions.phrases</c> files.</summary>
public sealed class InterruptionRecognizerTests
{
    private static readonly InterruptionRecognizer Sut = InterruptionRecognizer.Load(RealContent.RootPath);

    [Theory]
    [InlineData("help", Interruption.Help)]
    [InlineData("?", Interruption.Help)]
    [InlineData("Ayuda", Interruption.Help)]
    [InlineData("menu", Interruption.Menu)]
    [InlineData("Menú", Interruption.Menu)]
    [InlineData("prácticas", Interruption.Menu)]
    [InlineData("STOP", Interruption.Stop)]
    [InlineData("parar", Interruption.Stop)]
    [InlineData("later", Interruption.Pause)]
    [InlineData("luego", Interruption.Pause)]
    [InlineData("más tarde", Interruption.Pause)]
    [InlineData("english", Interruption.English)]
    [InlineData("inglés", Interruption.English)]
    [InlineData("español", Interruption.Spanish)]
    [InlineData("Spanish", Interruption.Spanish)]
    public void Recognize_WholeMessage_IsTheInterruption(string text, Interruption expected)
    {
        Assert.Equal(expected, Sut.Recognize(text));
    }

    [Theory]
    [InlineData("the menu was long")]
    [InlineData("I can't stop thinking about it")]
    [InlineData("")]
    [InlineData(null)]
    public void Recognize_WordInsideASentence_IsNone(string? text)
    {
        Assert.Equal(Interruption.None, Sut.Recognize(text));
    }

    /// <summary>Words the bot's own texts tell people to type must do what the text says.</summary>
    [Theory]
    [InlineData("menu", Interruption.Menu)]
    [InlineData("stop", Interruption.Stop)]
    [InlineData("later", Interruption.Pause)]
    [InlineData("menú", Interruption.Menu)]
    [InlineData("parar", Interruption.Stop)]
    [InlineData("luego", Interruption.Pause)]
    public void Recognize_CommandNamedInContent_IsRecognised(string word, Interruption expected)
    {
        var messages = MessageCatalog.Load(RealContent.RootPath);
        var named = SupportedLocales.All.SelectMany(l => messages.All(l).Values).Any(t => t.Contains(word, StringComparison.Ordinal));

        Assert.True(named, $"'{word}' is no longer named in the content; update this test.");
        Assert.Equal(expected, Sut.Recognize(word));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public void SkipAndContinueButtons_EveryLocale_AreHeardAsSkipsNotInterruptions(string locale)
    {
        var messages = MessageCatalog.Load(RealContent.RootPath);
        var detector = EngagementDetector.Load(RealContent.RootPath);

        Assert.Equal(Interruption.None, Sut.Recognize(messages.Get("step.skip", locale)));
        Assert.Equal(EngagementSignal.Skip, detector.Detect(messages.Get("step.skip", locale), invitesMore: true));
        Assert.Equal(EngagementSignal.Skip, detector.Detect(messages.Get("step.continue", locale), invitesMore: true));
        Assert.Equal(EngagementSignal.Skip, detector.Detect(locale == "es" ? "siguiente" : "next", invitesMore: true));
    }
}
