using CompassionBot.Dialogs.Engine.Prompts;
using CompassionBot.Dialogs.Intents;
using CompassionBot.Tests.Practices;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Intents;

/// <summary>The choice finder over the committed choosing words and practice names, with the whole menu on offer.</summary>
public sealed class ChoiceFinderTests
{
    private static readonly PracticeNames Names = PracticeNames.Load(RealContent.RootPath, IntentContent.PracticeIds);
    // Examples of no intent that call a practice by another name: they teach the intent head to leave such a message to
    // the choice finder (Find_WhatPeopleCallAPractice_PicksIt reads them).
    private static readonly HashSet<string> PracticeReferences = ["the breathing one", "la de respirar"];

    private static readonly ChoiceFinder Sut = new(ChoosingWords.Load(RealContent.RootPath), Names);

    [Theory]
    [InlineData("en", "breathing", "soothing-breath")]
    [InlineData("en", "the breathing one", "soothing-breath")]
    [InlineData("en", "something with breathing please", "soothing-breath")]
    [InlineData("en", "soothing breathing", "soothing-breath")]
    [InlineData("en", "the letter", "compassionate-letter")]
    [InlineData("en", "id like to write a letter", "compassionate-letter")]
    [InlineData("en", "gratitude", "three-good-things")]
    [InlineData("en", "3 things", "three-good-things")]
    [InlineData("en", "the friend one", "treat-a-friend")]
    [InlineData("en", "hand on heart", "soothing-touch")]
    [InlineData("en", "ok the presence one", "compassionate-other")]
    [InlineData("en", "the actor one", "compassionate-self")]
    [InlineData("en", "metta", "loving-kindness")]
    [InlineData("en", "act of kindness", "small-kindness")]
    [InlineData("en", "gratitdue", "three-good-things")]
    [InlineData("es", "la de respirar", "soothing-breath")]
    [InlineData("es", "algo de respiracion porfa", "soothing-breath")]
    [InlineData("es", "respiracon", "soothing-breath")]
    [InlineData("es", "la carta", "compassionate-letter")]
    [InlineData("es", "el de la gratitud", "three-good-things")]
    [InlineData("es", "la de las 3 cosas", "three-good-things")]
    [InlineData("es", "la del amigo", "treat-a-friend")]
    [InlineData("es", "autocompasion", "self-compassion-break")]
    [InlineData("es", "las frases", "loving-kindness")]
    [InlineData("es", "dale, la de la presencia", "compassionate-other")]
    [InlineData("es", "breathing", "soothing-breath")]
    [InlineData("es", "soothing breath", "soothing-breath")]
    [InlineData("en", "respiracion calmante", "soothing-breath")]
    public void Find_WhatPeopleCallAPractice_PicksIt(string locale, string text, string practiceId) =>
        Assert.Equal(practiceId, PracticeIdOf(Sut.Find(text, IntentContent.Offered(locale)), locale));

    [Theory]
    [InlineData("en", "take a break")]
    [InlineData("en", "i can't breathe")]
    [InlineData("en", "not the breathing one")]
    [InlineData("en", "breathing is hard right now")]
    [InlineData("en", "thanks friend")]
    [InlineData("en", "what do i need to do")]
    [InlineData("en", "the letter or the breathing one")]
    [InlineData("en", "soothing")]
    [InlineData("en", "kindness")]
    [InlineData("en", "2+2")]
    [InlineData("es", "gracias, un abrazo")]
    [InlineData("es", "no quiero respirar")]
    [InlineData("es", "me cuesta respirar")]
    [InlineData("es", "que necesito hacer")]
    [InlineData("es", "la de escribir")]
    [InlineData("es", "una pausa")]
    public void Find_MessageThatCallsNoOnePractice_PicksNothing(string locale, string text) =>
        Assert.Null(Sut.Find(text, IntentContent.Offered(locale)));

    [Fact]
    public void Find_NameOfTwoOfferedOptions_PicksNothing()
    {
        var offered = new OfferedChoices([new Choice("Soothing Touch", ["soothing-touch"]), new Choice("Shorter: Soothing Touch (2 min)", ["soothing-touch"])]);

        Assert.Null(Sut.Find("the touch one", offered));
    }

    [Fact]
    public void Find_NameWhenNoPracticeIsOffered_PicksNothing()
    {
        var offered = new OfferedChoices([new Choice("Too long"), new Choice("Not in the mood")]);

        Assert.Null(Sut.Find("breathing", offered));
    }

    [Fact]
    public void Find_EveryNameOfEveryPractice_PicksItOnEveryMenu()
    {
        foreach (var locale in new[] { "en", "es" })
        {
            var offered = IntentContent.Offered(locale);
            foreach (var choice in offered.Listed)
            {
                Assert.All(Names.Of(choice), name => Assert.Equal(choice.Value, Sut.Find(name, offered)?.Value));
            }
        }
    }

    [Fact]
    public void Find_AnyExampleOfAnyIntent_PicksNothingOnEitherMenu()
    {
        var examples = IntentExamples.Load(RealContent.RootPath).All;

        var chosen = from example in examples
                     where !PracticeReferences.Contains(example.Text)
                     from locale in new[] { "en", "es" }
                     let found = Sut.Find(example.Text, IntentContent.Offered(locale))
                     where found is not null
                     select $"{example.File}:{example.Line} '{example.Text}' → {found.Value}";

        Assert.Empty(chosen);
    }

    private static string? PracticeIdOf(FoundChoice? found, string locale) => found is null ? null : IntentContent.Menu(locale)[found.Index].Id;
}
