using CompassionBot.Dialogs.Engine;
using CompassionBot.Dialogs.Engine.Prompts;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Dialogs.Engine;

public sealed class WaterfallDialogTests
{
    private static Activity Ask(string text) => Activity.CreateMessage(text);

    private static DialogTestClient Client(params WaterfallStep<TestWaterfallState>[] steps)
    {
        var waterfall = new WaterfallDialog<TestWaterfallState>("root", steps, EngineTestJsonContext.Default.TestWaterfallState, _ => new TestWaterfallState(null, null, 0));
        var dialogs = new DialogSet()
            .Add(waterfall)
            .Add(new RatingPrompt(nameof(RatingPrompt)))
            .Add(new ChoicePrompt(nameof(ChoicePrompt)))
            .Add(new ConfirmPrompt(nameof(ConfirmPrompt)))
            .Add(new TextPrompt(nameof(TextPrompt)));
        return new DialogTestClient(dialogs, "root");
    }

    private static async Task<DialogTurnResult> AskRatingAsync(WaterfallStepContext<TestWaterfallState> step, CancellationToken ct)
    {
        step.Values = step.Values with { StepsRun = step.Values.StepsRun + 1 };
        return await step.PromptAsync(nameof(RatingPrompt), new PromptOptions { Prompt = Ask("Rate 0-10"), RetryPrompt = Ask("A number please"), MaxAttempts = 2 }, ct);
    }

    private static async Task<DialogTurnResult> AskChoiceAsync(WaterfallStepContext<TestWaterfallState> step, CancellationToken ct)
    {
        var rating = step.Result is PromptResult<int> { Succeeded: true } r ? r.Value : (int?)null;
        step.Values = step.Values with { Rating = rating, StepsRun = step.Values.StepsRun + 1 };
        return await step.PromptAsync(nameof(ChoicePrompt), new PromptOptions { Prompt = Ask("Pick"), Choices = [new("Red"), new("Blue")] }, ct);
    }

    private static async Task<DialogTurnResult> FinishAsync(WaterfallStepContext<TestWaterfallState> step, CancellationToken ct)
    {
        var choice = (step.Result as PromptResult<FoundChoice>)?.Value?.Value;
        step.Values = step.Values with { Choice = choice, StepsRun = step.Values.StepsRun + 1 };
        await step.Context.SendActivityAsync(Ask($"rating={step.Values.Rating?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} choice={choice} steps={step.Values.StepsRun}"), ct);
        return await step.EndDialogAsync(step.Values, ct);
    }

    [Fact]
    public async Task Steps_RunInOrder_TypedStateSurvivesTurns()
    {
        var sut = Client(AskRatingAsync, AskChoiceAsync, FinishAsync);

        Assert.Equal("Rate 0-10", Assert.Single(await sut.SendAsync("hi")).Text);
        var pick = Assert.Single(await sut.SendAsync("seven"));
        Assert.Equal("Pick", pick.Text);
        Assert.Equal(["Red", "Blue"], pick.SuggestedActions!.Actions.Select(a => a.Title));
        Assert.Equal("rating=7 choice=Blue steps=3", Assert.Single(await sut.SendAsync("2")).Text);
        Assert.Equal(DialogTurnStatus.Complete, sut.LastResult!.Status);
        Assert.Equal(new TestWaterfallState(7, "Blue", 3), sut.LastResult.Result);
    }

    [Fact]
    public async Task Prompt_UnrecognisedAnswer_SendsRetryPrompt()
    {
        var sut = Client(AskRatingAsync, AskChoiceAsync, FinishAsync);
        await sut.SendAsync("hi");

        Assert.Equal("A number please", Assert.Single(await sut.SendAsync("pretty bad")).Text);
        Assert.Equal("Pick", Assert.Single(await sut.SendAsync("4")).Text);
    }

    [Fact]
    public async Task Prompt_AttemptsRunOut_EndsWithNoAnswerTheCallerRoutesOn()
    {
        var sut = Client(AskRatingAsync, AskChoiceAsync, FinishAsync);
        await sut.SendAsync("hi");
        await sut.SendAsync("dunno");

        Assert.Equal("Pick", Assert.Single(await sut.SendAsync("still dunno")).Text);
        Assert.Equal("rating=none choice=Red steps=3", Assert.Single(await sut.SendAsync("red")).Text);
    }

    [Theory]
    [InlineData(ActivityTypes.Typing)]
    [InlineData(ActivityTypes.Event)]
    [InlineData(ActivityTypes.ConversationUpdate)]
    public async Task NonMessageActivity_NeverAdvancesTheWaterfall(string type)
    {
        var sut = Client(AskRatingAsync, AskChoiceAsync, FinishAsync);
        await sut.SendAsync("hi");

        Assert.Empty(await sut.SendActivityAsync(new Activity { Type = type, Name = "x" }));
        Assert.Equal(DialogTurnStatus.Waiting, sut.LastResult!.Status);
        Assert.Equal("Pick", Assert.Single(await sut.SendAsync("3")).Text);
    }

    private static async Task<DialogTurnResult> AskConfirmAsync(WaterfallStepContext<TestWaterfallState> step, CancellationToken ct)
    {
        step.Values = step.Values with { StepsRun = step.Values.StepsRun + 1 };
        var options = new PromptOptions { Prompt = Ask("Continue?"), RetryPrompt = Ask("Yes or no?"), Choices = [new("Yes, go on"), new("Not now")], MaxAttempts = 2 };
        return await step.PromptAsync(nameof(ConfirmPrompt), options, ct);
    }

    private static async Task<DialogTurnResult> SayConfirmAsync(WaterfallStepContext<TestWaterfallState> step, CancellationToken ct)
    {
        var answer = step.Result switch
        {
            PromptResult<bool> { Succeeded: true, Value: var value } => value ? "yes" : "no",
            PromptResult<bool> => "no answer",
            _ => "?",
        };
        await step.Context.SendActivityAsync(Ask(answer), ct);
        return await step.EndDialogAsync(null, ct);
    }

    [Theory]
    [InlineData("yes", "yes")]
    [InlineData("Sí", "yes")]
    [InlineData("claro que sí", "yes")]
    [InlineData("nope", "no")]
    [InlineData("NO", "no")]
    [InlineData("not now", "no")]
    [InlineData("2", "no")]
    public async Task ConfirmPrompt_YesOrNoInEnglishOrSpanishOrAChoice_EndsWithThatAnswer(string reply, string expected)
    {
        var sut = Client(AskConfirmAsync, SayConfirmAsync);
        Assert.Equal("Continue?", Assert.Single(await sut.SendAsync("hi")).Text);

        Assert.Equal(expected, Assert.Single(await sut.SendAsync(reply)).Text);
    }

    [Fact]
    public async Task ConfirmPrompt_NeitherTwice_RetriesThenEndsWithNoAnswer()
    {
        var sut = Client(AskConfirmAsync, SayConfirmAsync);
        await sut.SendAsync("hi");

        Assert.Equal("Yes or no?", Assert.Single(await sut.SendAsync("purple")).Text);
        Assert.Equal("no answer", Assert.Single(await sut.SendAsync("green")).Text);
    }

    [Fact]
    public async Task NonMessageActivity_StepWaitingWithoutAPrompt_DoesNotAdvance()
    {
        var sut = Client(
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync(Ask("Take your time."), ct);
                return Dialog.EndOfTurn;
            },
            FinishAsync);
        await sut.SendAsync("hi");

        Assert.Empty(await sut.SendActivityAsync(new Activity { Type = ActivityTypes.Typing }));
        Assert.Equal(DialogTurnStatus.Waiting, sut.LastResult!.Status);
        Assert.StartsWith("rating=none", Assert.Single(await sut.SendAsync("done")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NextAsync_CalledTwiceInOneStep_Throws()
    {
        var sut = Client(
            async (step, ct) =>
            {
                await step.NextAsync(null, ct);
                return await step.NextAsync(null, ct);
            },
            (step, ct) => Task.FromResult(Dialog.EndOfTurn),
            (step, ct) => Task.FromResult(Dialog.EndOfTurn));

        await sut.SendAsync("hi");

        Assert.IsType<InvalidOperationException>(sut.LastError);
    }

    [Fact]
    public async Task EndOfTurnWithoutPrompt_NextMessageTextIsTheResult()
    {
        var sut = Client(
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync(Ask("Say anything"), ct);
                return Dialog.EndOfTurn;
            },
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync(Ask($"you said {step.Result}"), ct);
                return await step.EndDialogAsync(null, ct);
            });
        await sut.SendAsync("hi");

        Assert.Equal("you said hello there", Assert.Single(await sut.SendAsync("hello there")).Text);
    }
}
