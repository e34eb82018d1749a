using CompassionBot.Dialogs.Safety;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Safety;

/// <summary>Rule families of the real content, one theory each; the issue's own examples are included verbatim.</summary>
public sealed class LexiconCrisisDetectorTests
{
    private readonly LexiconCrisisDetector _sut = SafetyContent.Detector;

    [Theory]
    [InlineData("I'm not going to do anything, I just keep thinking about killing myself")]
    [InlineData("lol i kinda want to die fr")]
    [InlineData("kms")]
    [InlineData("thinking about unaliving myself")]
    [InlineData("i just want to end it all")]
    [InlineData("I want to go to sleep and not wake up")]
    [InlineData("everyone would be better off without me")]
    [InlineData("checking out for good")]
    public void Classify_IssueExamplesOfCrisis_ReturnsCrisis(string text) => AssertLevel(text, RiskLevel.Crisis);

    [Theory]
    [InlineData("me voy a quitar la vida")]
    [InlineData("i have a rope ready")]
    [InlineData("no point in living anymore")]
    [InlineData("thinking abt ending things")]
    [InlineData("idw 2 live")]
    [InlineData("me voy a colgar")]
    [InlineData("me voy a aventar del puente")]
    [InlineData("me tome todo el frasco de pastillas")]
    [InlineData("ya compre la soga")]
    [InlineData("mejor me muero")]
    [InlineData("i swallowed a bottle of tylenol")]
    [InlineData("i'm better off gone")]
    [InlineData("cutting again tonight")]
    [InlineData("he is going to kill me")]
    [InlineData("i just took everything in the medicine cabinet")]
    [InlineData("been standing by the tracks for an hour")]
    [InlineData("me voy a colgar esta noche")]
    [InlineData("estoy por tomarme las pastillas")]
    [InlineData("he's outside screaming that he's going to kill me")]
    [InlineData("ive got the hose taped to the exhaust")]
    [InlineData("tomé cloro hace rato")]
    [InlineData("ya me tomé todos los clonas")]
    [InlineData("me tiro de la terraza esta noche")]
    [InlineData("he's outside saying he'll finish me this time")]
    [InlineData("I've decided tonight is my last night.")]
    [InlineData("mi nota amable para mí: perdóname por lo que voy a hacer esta noche")]
    [InlineData("quiero estar muerta")]
    [InlineData("I want to kill me.")]
    [InlineData("cutting again rn, can't stop")]
    [InlineData("Mi marido me ha dicho que esta noche me mata")]
    [InlineData("I told the renal unit I'm not coming to dialysis anymore")]
    [InlineData("my husband is outside banging on the door and I'm scared for my life")]
    [InlineData("i swear im going to kill my stepdad tonight")]
    public void Classify_TextingStylesFoundByHeldout3To5_ReturnsCrisis(string text) => AssertLevel(text, RiskLevel.Crisis);

    [Theory]
    [InlineData("no me voy a quitar la vida")]
    [InlineData("i have a rope ready for camping")]
    [InlineData("no point in living in this city")]
    [InlineData("me voy a tirar a dormir")]
    [InlineData("voy a colgar la ropa")]
    [InlineData("mejor me muero de hambre antes que comer eso")]
    [InlineData("compre una soga para el columpio")]
    [InlineData("he took a bottle of water")]
    [InlineData("the old couch is better off gone")]
    [InlineData("this exam is going to kill me")]
    [InlineData("she's going to kill me if I'm late again")]
    [InlineData("saving them for later")]
    [InlineData("my cat will not stop bleeding")]
    [InlineData("im standing on the bridge taking photos")]
    [InlineData("hace como cinco años intenté quitarme la vida, pero hoy estoy bien")]
    [InlineData("no estoy pensando en hacerme daño, solo estoy cansada")]
    [InlineData("mi mama dice que me va a matar si llego tarde")]
    [InlineData("I keep singing \"I Don't Wanna Live Forever\" in the shower")]
    [InlineData("my doctor said I'd basically overdosed on vitamin D supplements")]
    [InlineData("three years ago I tried to end my life. today I feel proud of how far I've come")]
    [InlineData("me quiero morir de la vergüenza jaja")]
    [InlineData("today is my last day at work")]
    [InlineData("my team would manage fine without me on holiday")]
    [InlineData("voy a matar a ese tipo en el juego")]
    [InlineData("I was scared for my life on that rollercoaster")]
    [InlineData("im going to kill my brother tonight lol he ate my pizza")]
    public void Classify_SameWordsInEverydayUseOrDenied_ReturnsNone(string text) => AssertLevel(text, RiskLevel.None);

    [Theory]
    [InlineData("i want 2 die")]
    [InlineData("want 2 die")]
    [InlineData("i need 2 end it")]
    [InlineData("im ready 2 die")]
    public void Classify_TwoForTo_StillFindsCrisis(string text) => AssertLevel(text, RiskLevel.Crisis);

    [Theory]
    [InlineData("i need 2 go 2 the store")]
    [InlineData("I would rate it a 2")]
    [InlineData("trying 2 sleep")]
    public void Classify_TwoInEverydayText_ReturnsNone(string text) => AssertLevel(text, RiskLevel.None);

    [Theory]
    [InlineData("I want to&nbsp;die")]
    [InlineData("<p>I want to&#160;kill myself</p>")]
    [InlineData("quiero&nbsp;morirme")]
    public void Classify_HtmlEntitiesBetweenWords_StillFindsCrisis(string text) => AssertLevel(text, RiskLevel.Crisis);

    [Theory]
    [InlineData("I want to kill\nmyself")]
    [InlineData("i dont want to\nlive anymore")]
    [InlineData("quiero\nmatarme")]
    [InlineData("I want to\r\ndie")]
    [InlineData("I want to k\u200Bill myself")]
    [InlineData("I want to kill my\u200Dself")]
    [InlineData("I want to kil\u00ADl myself")]
    [InlineData("\uFEFFI want to d\u200Cie")]
    [InlineData("\uFF29 \uFF57\uFF41\uFF4E\uFF54 \uFF54\uFF4F \uFF44\uFF49\uFF45")]
    [InlineData("\u0456 want to d\u0456e")]
    [InlineData("I w\u0430nt to kill mys\u0435lf")]
    [InlineData("I want to k\u0336i\u0336l\u0336l\u0336 myself")]
    [InlineData("I want to di\u0301e")]
    [InlineData("quiero\u200B matarme")]
    public void Classify_HiddenCharactersLineBreaksAndLookAlikes_StillFindCrisis(string text) => AssertLevel(text, RiskLevel.Crisis);

    [Theory]
    [InlineData("this homework is killing me")]
    [InlineData("I'm dying to see it")]
    [InlineData("my phone is dead")]
    [InlineData("I'm dying laughing")]
    [InlineData("you're killing me")]
    [InlineData("I'm dead 😂")]
    [InlineData("kill me lol")]
    [InlineData("this workload will be the death of me")]
    [InlineData("I'm so tired of this")]
    [InlineData("what's the point?")]
    public void Classify_IdiomsAndVenting_ReturnsNone(string text) => AssertLevel(text, RiskLevel.None);

    [Theory]
    [InlineData("I wanna kil myslef", "ideation.active")]
    [InlineData("I want to k1ll myself", "ideation.active")]
    [InlineData("I WANT TO DIEEEEE", "ideation.active")]
    [InlineData("I’m so suicidal", "ideation.active")]
    [InlineData("im su1c1dal", "ideation.active")]
    [InlineData("I wish I was dead", "ideation.passive")]
    [InlineData("I hope I don’t wake up", "ideation.passive")]
    [InlineData("I've been saving up my pills", "plan.means")]
    [InlineData("wrote my goodbye letters today", "plan.means")]
    [InlineData("giving away all my stuff", "plan.means")]
    [InlineData("I took a whole bottle of tylenol", "overdose")]
    [InlineData("just swallowed 20 pills", "overdose")]
    [InlineData("I cut myself again", "selfharm")]
    [InlineData("the urge to cut is bad tonight", "selfharm")]
    [InlineData("I want to hurt someone", "harm.others")]
    [InlineData("my boyfriend keeps hitting me", "danger")]
    [InlineData("quiero matarme", "ideation.active")]
    [InlineData("ya no quiero vivir", "ideation.active")]
    [InlineData("ojalá no despertar", "ideation.passive")]
    [InlineData("me tomé todas las pastillas", "overdose")]
    [InlineData("me corté otra vez", "selfharm")]
    [InlineData("mi esposo me pega", "danger")]
    public void Classify_CrisisFamily_ReturnsCrisisWithRule(string text, string rule)
    {
        var result = _sut.Classify(text, locale: null);

        Assert.Equal(RiskLevel.Crisis, result.Level);
        Assert.Contains(rule, result.Rules);
    }

    [Theory]
    [InlineData("I feel hopeless", "hopelessness")]
    [InlineData("I can't keep doing this", "entrapment")]
    [InlineData("there is no way out", "entrapment")]
    [InlineData("I'm a burden to everyone", "burden")]
    [InlineData("no aguanto más", "entrapment")]
    [InlineData("soy una carga", "burden")]
    public void Classify_ConcernFamily_ReturnsConcernWithRule(string text, string rule)
    {
        var result = _sut.Classify(text, "en");

        Assert.Equal(RiskLevel.Concern, result.Level);
        Assert.Contains(rule, result.Rules);
    }

    [Theory]
    [InlineData("My friend says she wants to kill herself")]
    [InlineData("my brother is suicidal")]
    [InlineData("I tried to kill myself when I was 15")]
    [InlineData("I used to cut myself in high school")]
    [InlineData("No, I'm not suicidal")]
    [InlineData("I don't want to die")]
    [InlineData("I would never kill myself")]
    [InlineData("we discussed suicide prevention at work")]
    [InlineData("I cut myself shaving")]
    [InlineData("my mom is going to kill me when she sees this")]
    [InlineData("me muero de risa")]
    [InlineData("me corté el pelo")]
    public void Classify_ThirdPartyHistoryDenialOrIdiom_ReturnsNone(string text) => AssertLevel(text, RiskLevel.None);

    [Theory]
    [InlineData("I don't want to die but I keep thinking about killing myself")]
    [InlineData("I'm not suicidal. I just want to die.")]
    [InlineData("I tried to kill myself at 16 and I want to kill myself again now")]
    public void Classify_DenialOrHistoryBesideDisclosure_StillCrisis(string text) => AssertLevel(text, RiskLevel.Crisis);

    [Fact]
    public void Classify_CalmMessage_ReturnsSharedSafeInstance()
    {
        var result = _sut.Classify("I noticed my breath slowing down", "en");

        Assert.Same(SafetyAssessment.Safe, result);
    }

    [Fact]
    public void Classify_BorderlineDistress_ReturnsNoneWithDistressRule()
    {
        var result = _sut.Classify("I feel so lonely", "en");

        Assert.Equal(RiskLevel.None, result.Level);
        Assert.Contains("mood", result.Rules);
    }

    [Fact]
    public void Classify_LongMessage_FindsDisclosureAtTheEnd()
    {
        var text = string.Concat(Enumerable.Repeat("Today I practised the breathing and it was fine. ", 200)) + "But I want to kill myself.";

        AssertLevel(text, RiskLevel.Crisis);
    }

    [Fact]
    public void Classify_AfterWarmUp_AllocatesNothingForCalmOrSingleRuleMessages()
    {
        string[] messages = ["I'd rate it a 4", "I cut myself again", "this homework is killing me", "me siento sola"];
        foreach (var message in messages)
        {
            _sut.Classify(message, "en");
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            foreach (var message in messages)
            {
                _sut.Classify(message, "en");
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private void AssertLevel(string text, RiskLevel expected)
    {
        var result = _sut.Classify(text, "en");
        Assert.True(expected == result.Level, $"'{text}': expected {expected}, got {result.Level} [{string.Join(", ", result.Rules)}]");
    }
}
