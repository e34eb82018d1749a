using CompassionBot.Sms;

namespace CompassionBot.Tests.Sms;

public sealed class SmsKeywordRecognizerTests
{
    [Theory]
    [InlineData("STOP")]
    [InlineData("stop")]
    [InlineData(" Stop. ")]
    [InlineData("STOP!!")]
    [InlineData("stopall")]
    [InlineData("UNSUBSCRIBE")]
    [InlineData("Cancel")]
    [InlineData("end")]
    [InlineData("QUIT")]
    [InlineData("revoke")]
    [InlineData("OptOut")]
    [InlineData("opt-out")]
    [InlineData("\"stop\"")]
    [InlineData("please stop texting me")]
    [InlineData("Please stop texting me.")]
    [InlineData("stop please")]
    [InlineData("Don't text me anymore")]
    [InlineData("no more texts")]
    [InlineData("stop sending me messages")]
    [InlineData("por favor no me escribas más")]
    [InlineData("dejen de enviarme mensajes")]
    [InlineData("quiero darme de baja")]
    public void Recognize_OptOutVariants_IsOptOut(string text) => Assert.Equal(SmsKeyword.OptOut, SmsKeywordRecognizer.Recognize(text));

    [Theory]
    [InlineData("START")]
    [InlineData("start")]
    [InlineData(" Unstop ")]
    [InlineData("yes")]
    [InlineData("YES!")]
    public void Recognize_OptInVariants_IsOptIn(string text) => Assert.Equal(SmsKeyword.OptIn, SmsKeywordRecognizer.Recognize(text));

    [Theory]
    [InlineData("HELP")]
    [InlineData("help?")]
    [InlineData("Info")]
    [InlineData("ayuda")]
    public void Recognize_HelpVariants_IsHelp(string text) => Assert.Equal(SmsKeyword.Help, SmsKeywordRecognizer.Recognize(text));

    [Theory]
    [InlineData("I can't stop crying")]
    [InlineData("I want to stop feeling like this")]
    [InlineData("help me")]
    [InlineData("stop1")]
    [InlineData("1")]
    [InlineData("yes please, I'd like that")]
    [InlineData("")]
    public void Recognize_OrdinaryText_IsNone(string text) => Assert.Equal(SmsKeyword.None, SmsKeywordRecognizer.Recognize(text));
}
