using System.Text.Json.Nodes;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Engine;
using CompassionBot.Dialogs.Practices;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.State;
using CompassionBot.Tests.Dialogs.Engine;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Practices;

/// <summary>
/// The steps of a practice, one answer at a time: what each kind of step accepts, when it is asked again, and the
/// engagement signals and outcome the steps end with (shown by the test root as "outcome: ...").
/// </summary>
public sealed class PracticeStepsDialogTests : IDisposable
{
    private const string Steps = """
        id: steps
        title: Steps
        family: somatic
        minutes: 3
        rating: none
        summary: Every kind of step.

        step: intro
        text: Settle in.

        step: pick
        text: Pick a colour.
        prompt: choice
        choices: Red | Blue

        step: rate
        text: How calm, 0 to 10?
        prompt: rating
        optional: yes

        step: words
        text: Say a few words.
        prompt: text

        step: close
        text: All done.
        """;

    private const string Pasos = """
        id: steps
        title: Pasos
        family: somatic
        minutes: 3
        rating: none
        summary: Cada tipo de paso.

        step: intro
        text: Ponte cómodo.

        step: pick
        text: Elige un color.
        prompt: choice
        choices: Rojo | Azul

        step: rate
        text: Cuánta calma, de 0 a 10?
        prompt: rating
        optional: yes

        step: words
        text: Di unas palabras.
        prompt: text

        step: close
        text: Listo.
        """;

    private const string Writing = """
        id: writing
        title: Writing
        family: writing
        minutes: 3
        rating: none
        summary: Three things to write.

        step: first
        text: Write the first thing.
        prompt: text

        step: second
        text: Write the second thing.
        prompt: text

        step: third
        text: Write the third thing.
        prompt: text
        optional: yes

        step: close
        text: Thank you.
        """;

    private const string Escritura = """
        id: writing
        title: Escritura
        family: writing
        minutes: 3
        rating: none
        summary: Tres cosas para escribir.

        step: first
        text: Escribe la primera.
        prompt: text

        step: second
        text: Escribe la segunda.
        prompt: text

        step: third
        text: Escribe la tercera.
        prompt: text
        optional: yes

        step: close
        text: Gracias.
        """;

    private static readonly MessageCatalog Messages = MessageCatalog.Load(RealContent.RootPath);
    private static readonly EngagementDetector Detector = EngagementDetector.Load(RealContent.RootPath);
    private static readonly string ChoiceRetry = Messages.Get("choice.retry", "en");
    private static readonly string RatingRetry = Messages.Get("rating.retry", "en");

    private readonly TempContentRoot _content = new();

    public PracticeStepsDialogTests()
    {
        _content.Write("Practices/en/steps.practice", Steps);
        _content.Write("Practices/es/steps.practice", Pasos);
        _content.Write("Practices/en/writing.practice", Writing);
        _content.Write("Practices/es/writing.practice", Escritura);
    }

    public void Dispose() => _content.Dispose();

    [Fact]
    public async Task ContinueDialog_AnswerToEveryStep_AsksEachInTurnAndCompletesWithoutSignals()
    {
        var sut = Client("steps");

        Assert.Equal(["Settle in. [Next]"], await SayAsync(sut, "hi"));
        Assert.Equal(["Pick a colour. [Red | Blue]"], await SayAsync(sut, "Next"));
        Assert.Equal(["How calm, 0 to 10? [Skip]"], await SayAsync(sut, "blue"));
        Assert.Equal(["Say a few words."], await SayAsync(sut, "4"));
        Assert.Equal(["All done. [Next]"], await SayAsync(sut, "I feel a little lighter now"));
        Assert.Equal(["outcome: completed []"], await SayAsync(sut, "Next"));
    }

    [Fact]
    public async Task ContinueDialog_UnrecognisedChoice_ApologisesAndAsksTheStepAgain()
    {
        var sut = await AfterAsync("steps", "Next");

        Assert.Equal([ChoiceRetry, "Pick a colour. [Red | Blue]"], await SayAsync(sut, "purple"));
        Assert.Equal(["How calm, 0 to 10? [Skip]"], await SayAsync(sut, "the second one"));
    }

    [Fact]
    public async Task ContinueDialog_UnrecognisedChoiceTwice_GivesUpAndMovesOnWithASignal()
    {
        var sut = await AfterAsync("steps", "Next", "purple");

        Assert.Equal(["How calm, 0 to 10? [Skip]"], await SayAsync(sut, "green"));
        await SayAsync(sut, "3");
        await SayAsync(sut, "Calmer than before, thank you");
        Assert.Equal(["outcome: completed [PromptGivenUp]"], await SayAsync(sut, "Next"));
    }

    [Fact]
    public async Task ContinueDialog_UnclearRating_AsksWithTheRatingRetryThenGivesUp()
    {
        var sut = await AfterAsync("steps", "Next", "red");

        Assert.Equal([RatingRetry, "How calm, 0 to 10? [Skip]"], await SayAsync(sut, "pretty calm"));
        Assert.Equal(["Say a few words."], await SayAsync(sut, "very"));
    }

    [Fact]
    public async Task ContinueDialog_SkipAnywhere_MovesOnAndCountsOnlyRequiredStepsAsImplicit()
    {
        var sut = await AfterAsync("steps", "Next");

        Assert.Equal(["How calm, 0 to 10? [Skip]"], await SayAsync(sut, "skip"));
        Assert.Equal(["Say a few words."], await SayAsync(sut, "Skip"));
        Assert.Equal(["All done. [Next]"], await SayAsync(sut, "meh"));
        Assert.Equal(["outcome: completed [Skip, Skip, MinimalReply]"], await SayAsync(sut, "Next"));
    }

    [Fact]
    public async Task ContinueDialog_ThreeImplicitSignals_EndsNotResonating()
    {
        var sut = await AfterAsync("writing", "skip");

        Assert.Equal(["Write the third thing. [Skip]"], await SayAsync(sut, "ok"));
        Assert.Equal(["outcome: not resonating [Skip, MinimalReply, MinimalReply]"], await SayAsync(sut, "fine"));
    }

    [Fact]
    public async Task ContinueDialog_NotHelpingToAChoice_EndsNotResonatingAtOnce()
    {
        var sut = await AfterAsync("steps", "Next");

        Assert.Equal(["outcome: not resonating [ExplicitNonResonance]"], await SayAsync(sut, "this isn't helping"));
    }

    [Fact]
    public async Task ContinueDialog_NotHelpingAfterAMissedChoice_EndsNotResonatingWithEarlierSignals()
    {
        var sut = await AfterAsync("steps", "idk", "purple");

        Assert.Equal(["outcome: not resonating [MinimalReply, ExplicitNonResonance]"], await SayAsync(sut, "not for me"));
    }

    [Fact]
    public async Task ContinueDialog_ShorterAndShorterReplies_SignalsShrinkingReplies()
    {
        var sut = await AfterAsync("writing", "my sister called me on a hard day", "a warm cup of tea");

        Assert.Equal(["Thank you. [Next]"], await SayAsync(sut, "the sun"));
        Assert.Equal(["outcome: completed [ShrinkingReplies]"], await SayAsync(sut, "Next"));
    }

    [Fact]
    public async Task ContinueDialog_MessageWithoutTextToAnInstruction_MovesOn()
    {
        var sut = await AfterAsync("steps");

        Assert.Equal(["Pick a colour. [Red | Blue]"], Render(await sut.SendActivityAsync(new Activity { Type = ActivityTypes.Message })));
    }

    [Fact]
    public async Task ContinueDialog_MessageWithoutTextToAQuestion_MovesOnAsAMinimalReply()
    {
        var sut = await AfterAsync("writing");

        Assert.Equal(["Write the second thing."], Render(await sut.SendActivityAsync(new Activity { Type = ActivityTypes.Message })));
        await SayAsync(sut, "skip");
        await SayAsync(sut, "Skip");
        Assert.Equal(["outcome: completed [MinimalReply, Skip, Skip]"], await SayAsync(sut, "Next"));
    }

    [Fact]
    public async Task ContinueDialog_NonMessageActivity_NeitherAnswersNorCountsAnAttempt()
    {
        var sut = await AfterAsync("steps", "Next", "purple");

        Assert.Empty(await sut.SendActivityAsync(new Activity { Type = ActivityTypes.Typing }));
        Assert.Equal(DialogTurnStatus.Waiting, sut.LastResult!.Status);
        Assert.Equal(["How calm, 0 to 10? [Skip]"], await SayAsync(sut, "red"));
    }

    [Fact]
    public async Task ContinueDialog_StateSavedBeforeStepsWereAskedThroughPrompts_AsksTheStepAgain()
    {
        var sut = await AfterAsync("steps", "Next");
        await SaveLegacyStepsStateAsync(sut, """{"practiceId":"steps","stepIndex":1,"attempts":1,"replyWordCounts":[],"signals":[],"implicitSignals":0}""");

        Assert.Equal(["Pick a colour. [Red | Blue]"], await SayAsync(sut, "red"));
        Assert.Equal(["How calm, 0 to 10? [Skip]"], await SayAsync(sut, "red"));
    }

    private static async Task SaveLegacyStepsStateAsync(DialogTestClient client, string stepsState)
    {
        const string Key = "test/conversations/conversation";
        var ct = TestContext.Current.CancellationToken;
        var document = JsonNode.Parse((await client.Storage.ReadAsync([Key], ct))[Key].Json)!;
        var steps = Descendants(document).OfType<JsonObject>().Single(o => (string?)o["id"] == nameof(PracticeStepsDialog));
        steps["state"] = JsonNode.Parse(stepsState);
        await client.Storage.WriteAsync(new Dictionary<string, StoreItem> { [Key] = new(document.ToJsonString(), StoreItem.AnyETag) }, ct);
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node) => node switch
    {
        JsonObject o => [o, .. o.Select(p => p.Value).OfType<JsonNode>().SelectMany(Descendants)],
        JsonArray a => [a, .. a.OfType<JsonNode>().SelectMany(Descendants)],
        _ => [node],
    };

    /// <summary>A client that has begun <paramref name="practiceId"/> and given <paramref name="answers"/> to its first steps.</summary>
    private async Task<DialogTestClient> AfterAsync(string practiceId, params string[] answers)
    {
        var client = Client(practiceId);
        foreach (var text in (string[])["hi", .. answers])
        {
            await SayAsync(client, text);
        }

        return client;
    }

    private DialogTestClient Client(string practiceId)
    {
        var catalog = PracticeCatalog.Load(_content.Path);
        var root = new WaterfallDialog<TestWaterfallState>(
            "root",
            [
                (step, ct) => step.BeginDialogAsync(nameof(PracticeStepsDialog), practiceId, ct),
                async (step, ct) =>
                {
                    var outcome = (StepsOutcome)step.Result!;
                    var text = $"outcome: {(outcome.NotResonating ? "not resonating" : "completed")} [{string.Join(", ", outcome.Signals)}]";
                    await step.Context.SendActivityAsync(Activity.CreateMessage(text), ct);
                    return await step.EndDialogAsync(outcome, ct);
                },
            ],
            EngineTestJsonContext.Default.TestWaterfallState,
            _ => new TestWaterfallState(null, null, 0));
        return new DialogTestClient(new DialogSet().Add(root).Add(new PracticeStepsDialog(catalog, Messages, Detector)), "root");
    }

    private static async Task<string[]> SayAsync(DialogTestClient client, string text)
    {
        var replies = await client.SendAsync(text);
        Assert.Null(client.LastError);
        return Render(replies);
    }

    private static string[] Render(IReadOnlyList<Activity> replies) => [.. replies.Select(TestConversation.Render)];
}
