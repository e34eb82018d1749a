using CompassionBot.Dialogs.Understanding;
using CompassionBot.Dialogs.Intents;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.Logging;

namespace CompassionBot.Tests.Intents;

/// <summary>The intent recognizer through its public API, with the real model, examples and head.</summary>
public sealed class IntentRecognizerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("no thanks, none of these for me", Intent.Decline)]
    [InlineData("i'll pass on all of them", Intent.Decline)]
    [InlineData("yeah let's give it a try", Intent.Yes)]
    [InlineData("sure thing, go ahead", Intent.Yes)]
    [InlineData("nah not really", Intent.No)]
    [InlineData("nope, i don't", Intent.No)]
    [InlineData("this exercise isn't helping me", Intent.NotHelping)]
    [InlineData("honestly this is not doing anything", Intent.NotHelping)]
    [InlineData("is there something shorter?", Intent.Shorter)]
    [InlineData("i only have two minutes", Intent.Shorter)]
    [InlineData("i want to stop now", Intent.Stop)]
    [InlineData("please end this", Intent.Stop)]
    [InlineData("can we continue later?", Intent.Pause)]
    [InlineData("i have to go now, later", Intent.Pause)]
    [InlineData("how does this work??", Intent.Help)]
    [InlineData("i don't know what to do here", Intent.Help)]
    [InlineData("show me the list of practices", Intent.Menu)]
    [InlineData("take me back to the menu", Intent.Menu)]
    [InlineData("I'm feeling really anxious about tomorrow", Intent.Feeling)]
    [InlineData("feeling so sad today 😢", Intent.Feeling)]
    [InlineData("are you a real person?", Intent.AboutBot)]
    [InlineData("is this a bot or a human?", Intent.AboutBot)]
    [InlineData("hey there, good morning", Intent.Greeting)]
    [InlineData("hello!", Intent.Greeting)]
    [InlineData("thank you so much!", Intent.Thanks)]
    [InlineData("thanks, that was helpful", Intent.Thanks)]
    [InlineData("It's okay, you're doing the best you can", Intent.None)]
    public async Task RecognizeAsync_TypicalEnglish_ReadsWhatItMeans(string text, Intent expected) =>
        Assert.Equal(expected, (await IntentContent.Shared.RecognizeAsync(Message(text), Ct)).Intent);

    [Theory]
    [InlineData("no, gracias, ninguna por hoy", Intent.Decline)]
    [InlineData("sí, vamos a intentarlo", Intent.Yes)]
    [InlineData("claro que sí, dale", Intent.Yes)]
    [InlineData("no, la verdad no quiero", Intent.No)]
    [InlineData("esta práctica no me está ayudando", Intent.NotHelping)]
    [InlineData("no me sirve para nada", Intent.NotHelping)]
    [InlineData("¿hay algo más corto?", Intent.Shorter)]
    [InlineData("solo tengo dos minutos", Intent.Shorter)]
    [InlineData("quiero parar ya", Intent.Stop)]
    [InlineData("ya basta, termina", Intent.Stop)]
    [InlineData("luego seguimos, me tengo que ir", Intent.Pause)]
    [InlineData("ahora no puedo, más tarde", Intent.Pause)]
    [InlineData("¿cómo funciona esto?", Intent.Help)]
    [InlineData("no entiendo qué tengo que hacer", Intent.Help)]
    [InlineData("muéstrame la lista de prácticas", Intent.Menu)]
    [InlineData("quiero volver al menú", Intent.Menu)]
    [InlineData("hola, me siento mal", Intent.Feeling)]
    [InlineData("estoy muy ansiosa por mañana", Intent.Feeling)]
    [InlineData("¿eres una persona real?", Intent.AboutBot)]
    [InlineData("¿estoy hablando con un bot?", Intent.AboutBot)]
    [InlineData("hola, buenos días", Intent.Greeting)]
    [InlineData("muchas gracias!", Intent.Thanks)]
    [InlineData("gracias, me sirvió mucho", Intent.Thanks)]
    [InlineData("le diría que lo está haciendo lo mejor que puede", Intent.None)]
    public async Task RecognizeAsync_TypicalSpanish_ReadsWhatItMeans(string text, Intent expected) =>
        Assert.Equal(expected, (await IntentContent.Shared.RecognizeAsync(Message(text), Ct)).Intent);

    [Theory]
    [InlineData("thank yuo so much", Intent.Thanks)]
    [InlineData("im feelin realy anxous", Intent.Feeling)]
    [InlineData("somethng shorter pls", Intent.Shorter)]
    [InlineData("grasias", Intent.Thanks)]
    [InlineData("me siento muy trizte", Intent.Feeling)]
    [InlineData("q es esto, eres un vot?", Intent.AboutBot)]
    public async Task RecognizeAsync_Typos_ReadsWhatItMeans(string text, Intent expected) =>
        Assert.Equal(expected, (await IntentContent.Shared.RecognizeAsync(Message(text), Ct)).Intent);

    [Theory]
    [InlineData("😢", Intent.Feeling)]
    [InlineData("🙂", Intent.Feeling)]
    [InlineData("😢😢😢", Intent.Feeling)]
    [InlineData("👍🏽", Intent.Yes)]
    [InlineData("🙏", Intent.Thanks)]
    [InlineData("👋", Intent.Greeting)]
    [InlineData("🍕", Intent.None)]
    [InlineData("😢 👍", Intent.None)]
    public async Task RecognizeAsync_EmojiAlone_ReadsThemFromTheEmojiList(string text, Intent expected)
    {
        var result = await IntentContent.Shared.RecognizeAsync(Message(text), Ct);

        Assert.Equal(expected, result.Intent);
        Assert.NotEqual(IntentSource.Examples, result.Source);
    }

    [Theory]
    [InlineData("asdkjhasd")]
    [InlineData("qwpeoiru zmxnc")]
    [InlineData("lkjh lkjh lkjh")]
    [InlineData("xzq vvb")]
    public async Task RecognizeAsync_Gibberish_Abstains(string text) =>
        Assert.Equal(Intent.None, (await IntentContent.Shared.RecognizeAsync(Message(text), Ct)).Intent);

    [Theory]
    [InlineData("en", "self compassoin brake", "self-compassion-break")]
    [InlineData("en", "Self-Compassion Break", "self-compassion-break")]
    [InlineData("en", "lets do soothing breath", "soothing-breath")]
    [InlineData("en", "2", "loving-kindness")]
    [InlineData("en", "the last one", "kind-reply")]
    [InlineData("en", "number 6 please", "soothing-touch")]
    [InlineData("en", "3 good things", "three-good-things")]
    [InlineData("en", "compasionate letter", "compassionate-letter")]
    [InlineData("es", "pausa de autocompacion", "self-compassion-break")]
    [InlineData("es", "la carta compasiba", "compassionate-letter")]
    [InlineData("es", "la segunda", "loving-kindness")]
    [InlineData("en", "the breathing one", "soothing-breath")]
    [InlineData("es", "la de la carta porfa", "compassionate-letter")]
    public async Task RecognizeAsync_PracticeByNameNumberOrMisspeltName_ChoosesIt(string locale, string text, string practiceId)
    {
        var result = await IntentContent.Shared.RecognizeAsync(Message(text), IntentContent.Offered(locale), Ct);

        Assert.Equal((Intent.Choose, IntentSource.Choice), (result.Intent, result.Source));
        Assert.Equal(practiceId, IntentContent.Menu(locale)[result.Choice!.Index].Id);
    }

    [Theory]
    [InlineData("en", "the second time this didn't help")]
    [InlineData("en", "not the first one")]
    [InlineData("en", "that one")]
    [InlineData("en", "i don't want soothing touch")]
    [InlineData("en", "soothing")]
    [InlineData("en", "last night was rough")]
    [InlineData("en", "i think i need a break from self compassion")]
    [InlineData("en", "take a break")]
    [InlineData("es", "gracias, un abrazo")]
    [InlineData("es", "una más corta")]
    [InlineData("es", "ninguna, gracias")]
    [InlineData("es", "la primera vez no me sirvió")]
    public async Task RecognizeAsync_MessageThatPicksNothing_IsNeverAChoice(string locale, string text)
    {
        var result = await IntentContent.Shared.RecognizeAsync(Message(text), IntentContent.Offered(locale), Ct);

        Assert.NotEqual(Intent.Choose, result.Intent);
        Assert.Null(result.Choice);
    }

    [Fact]
    public async Task RecognizeAsync_NoOptionsOffered_NeverChooses()
    {
        var result = await IntentContent.Shared.RecognizeAsync(Message("Self-Compassion Break"), Ct);

        Assert.NotEqual(Intent.Choose, result.Intent);
    }

    [Fact]
    public async Task RecognizeAsync_PreciseAnswer_DoesNotEncodeTheMessage()
    {
        var encoder = new CountingSentenceEncoder();
        var sut = IntentContent.Recognizer(encoder);

        var result = await sut.RecognizeAsync(new MessageUnderstanding("yes", encoder), Ct);

        Assert.Equal((Intent.Yes, IntentSource.Phrase), (result.Intent, result.Source));
        Assert.Equal(0, encoder.Calls);
    }

    [Fact]
    public async Task RecognizeAsync_AfterTheCrisisScreen_ReusesTheTurnsEmbedding()
    {
        var encoder = new CountingSentenceEncoder();
        var sut = IntentContent.Recognizer(encoder);
        var message = new MessageUnderstanding("I'm feeling really anxious about tomorrow", encoder);
        await SafetyContent.Screen().ScreenAsync(message, "en", Ct);

        var result = await sut.RecognizeAsync(message, Ct);

        Assert.Equal((Intent.Feeling, IntentSource.Examples), (result.Intent, result.Source));
        Assert.Equal(1, encoder.Calls);
    }

    [Fact]
    public async Task RecognizeAsync_EncoderFails_LogsAndReadsThePreciseLayerAlone()
    {
        var encoder = new FailingSentenceEncoder();
        var logs = new CollectingLoggerProvider();
        using var factory = new LoggerFactory([logs]);
        var sut = IntentContent.Recognizer(encoder, factory.CreateLogger<IntentRecognizer>());

        var feeling = await sut.RecognizeAsync(new MessageUnderstanding("I'm feeling really anxious about tomorrow", encoder), Ct);
        var yes = await sut.RecognizeAsync(new MessageUnderstanding("yes", encoder), Ct);

        Assert.Equal(IntentRecognition.Nothing, feeling);
        Assert.Equal(Intent.Yes, yes.Intent);
        Assert.Contains(logs.Entries, e => e.EventId.Id == 2501 && e.Level == LogLevel.Warning);
    }

    private static MessageUnderstanding Message(string text) => new(text, SafetyContent.Encoder);
}
