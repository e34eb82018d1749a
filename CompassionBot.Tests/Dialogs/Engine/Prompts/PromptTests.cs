using CompassionBot.Dialogs.Engine;
using CompassionBot.Dialogs.Engine.Prompts;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.State;
using CompassionBot.Dialogs.Turns;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Dialogs.Engine.Prompts;

/// <summary>The prompts' validator hook, retry prompts and re-worded options, through a waterfall that asks and then says what it got.</summary>
public sealed class PromptTests
{
    private static readonly PromptOptions RatingUpToFive = new() { Prompt = Ask("Rate 0-5"), RetryPrompt = Ask("Up to 5, please"), MaxAttempts = 3 };

    private static Activity Ask(string text) => Activity.CreateMessage(text);

    private static PromptValidator<int> UpToFive(List<int>? attempts = null) => (prompt, ct) =>
    {
        attempts?.Add(prompt.AttemptCount);
        return Task.FromResult(prompt.Recognized is { Succeeded: true, Value: <= 5 });
    };

    private static DialogTestClient Client(Dialog prompt, PromptOptions options, string channelId = "test")
    {
        var root = new WaterfallDialog<TestWaterfallState>(
            "root",
            [
                (step, ct) => step.PromptAsync(prompt.Id, options, ct),
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync(Ask(Describe(step.Result)), ct);
                    return await step.EndDialogAsync(step.Result, ct);
                },
            ],
            EngineTestJsonContext.Default.TestWaterfallState,
            _ => new TestWaterfallState(null, null, 0));
        return new DialogTestClient(new DialogSet().Add(root).Add(prompt), "root", channelId);
    }

    [Theory]
    [InlineData("webchat", "Rate 0-5" + ZeroToTen)]
    [InlineData("test", "Rate 0-5" + ZeroToTen)]
    [InlineData("twilio-sms", "Rate 0-5")]
    public async Task RatingPrompt_Asked_OffersZeroToTenAsButtonsWhereTheChannelShowsThem(string channelId, string expected)
    {
        var client = Client(new RatingPrompt(nameof(RatingPrompt)), RatingUpToFive, channelId);

        var asked = await SayAsync(client, "hi");

        Assert.Equal([expected], asked);
    }

    private const string ZeroToTen = " [0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10]";

    /// <summary>A client whose waterfall has asked with <paramref name="prompt"/> and been given <paramref name="answers"/>.</summary>
    private static async Task<DialogTestClient> AskedAsync(Dialog prompt, PromptOptions options, params string[] answers)
    {
        var client = Client(prompt, options);
        foreach (var text in (string[])["hi", .. answers])
        {
            await SayAsync(client, text);
        }

        return client;
    }

    private static string Describe(object? result) => result switch
    {
        PromptResult<int> { Succeeded: true } r => $"rating {r.Value}",
        PromptResult<FoundChoice> { Succeeded: true, Value: null } => "accepted, no value",
        PromptResult<FoundChoice> { Succeeded: true } r => $"choice {r.Value!.Value}",
        PromptResult<int> or PromptResult<FoundChoice> => "no answer",
        _ => "?",
    };

    private static async Task<string[]> SayAsync(DialogTestClient client, string text)
    {
        var replies = await client.SendAsync(text);
        Assert.Null(client.LastError);
        return [.. replies.Select(TestConversation.Render)];
    }

    [Fact]
    public async Task Validator_AcceptsTheAnswer_PromptEndsWithTheValue()
    {
        var sut = await AskedAsync(new RatingPrompt(nameof(RatingPrompt), UpToFive()), RatingUpToFive);

        Assert.Equal(["rating 4"], await SayAsync(sut, "4"));
    }

    [Fact]
    public async Task Validator_RejectsARecognisedAnswer_SendsTheRetryPromptAndAsksAgain()
    {
        var sut = await AskedAsync(new RatingPrompt(nameof(RatingPrompt), UpToFive()), RatingUpToFive);

        Assert.Equal(["Up to 5, please [0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10]"], await SayAsync(sut, "8"));
        Assert.Equal(["rating 3"], await SayAsync(sut, "3"));
    }

    [Fact]
    public async Task Validator_RejectsEveryAttempt_EndsWithNoAnswerAfterMaxAttempts()
    {
        var sut = await AskedAsync(new RatingPrompt(nameof(RatingPrompt), UpToFive()), RatingUpToFive, "8", "9");

        Assert.Equal(["no answer"], await SayAsync(sut, "10"));
    }

    [Fact]
    public async Task Validator_EachAnswer_IsPassedItsAttemptCount()
    {
        var attempts = new List<int>();

        await AskedAsync(new RatingPrompt(nameof(RatingPrompt), UpToFive(attempts)), RatingUpToFive, "8", "not a number", "2");

        Assert.Equal([1, 2, 3], attempts);
    }

    [Fact]
    public async Task Validator_Answer_SeesWhatWasRecognisedTheOptionsAndTheTurn()
    {
        PromptValidatorContext<FoundChoice>? seen = null;
        var options = new PromptOptions { Prompt = Ask("Pick"), Choices = [new("Red"), new("Blue")], MaxAttempts = 2 };

        await AskedAsync(new ChoicePrompt(nameof(ChoicePrompt), (prompt, ct) => { seen = prompt; return Task.FromResult(true); }), options, "blue, please");

        Assert.Equal(new PromptRecognition<FoundChoice>(true, new FoundChoice("Blue", 1)), seen!.Recognized);
        Assert.Equal("Pick", seen.Options.Prompt!.Text);
        Assert.Equal(["Red", "Blue"], seen.Options.Choices!.Select(c => c.Value));
        Assert.Equal(2, seen.Options.MaxAttempts);
        Assert.Equal("blue, please", seen.Context.Activity.Text);
    }

    [Fact]
    public async Task Validator_AcceptsAnAnswerThatWasNotRecognised_EndsSucceededWithoutAValue()
    {
        var options = new PromptOptions { Prompt = Ask("Pick"), Choices = [new("Red"), new("Blue")] };
        var sut = await AskedAsync(new ChoicePrompt(nameof(ChoicePrompt), (prompt, ct) => Task.FromResult(prompt.Recognized.Succeeded || prompt.Context.Activity.Text == "pass")), options);

        Assert.Equal(["accepted, no value"], await SayAsync(sut, "pass"));
    }

    [Fact]
    public async Task Validator_RejectsARecognisedChoice_TheChoiceIsNotTaken()
    {
        var options = new PromptOptions { Prompt = Ask("Pick"), RetryPrompt = Ask("Not red"), Choices = [new("Red"), new("Blue")] };
        var sut = await AskedAsync(new ChoicePrompt(nameof(ChoicePrompt), (prompt, ct) => Task.FromResult(prompt.Recognized.Value?.Value == "Blue")), options);

        Assert.Equal(["Not red [Red | Blue]"], await SayAsync(sut, "red"));
        Assert.Equal(["choice Blue"], await SayAsync(sut, "blue"));
    }

    [Fact]
    public async Task Validator_RepliesItself_ItsReplyTakesThePlaceOfTheRetryPrompt()
    {
        var replying = new RatingPrompt(nameof(RatingPrompt), async (prompt, ct) =>
        {
            var valid = prompt.Recognized is { Succeeded: true, Value: <= 5 };
            if (!valid)
            {
                await prompt.Context.SendActivityAsync(Ask($"{prompt.Context.Activity.Text} is more than 5"), ct);
            }

            return valid;
        });
        var sut = await AskedAsync(replying, RatingUpToFive);

        Assert.Equal(["8 is more than 5"], await SayAsync(sut, "8"));
    }

    [Fact]
    public async Task NoValidator_UnrecognisedAnswer_IsNotAccepted()
    {
        var sut = await AskedAsync(new RatingPrompt(nameof(RatingPrompt)), RatingUpToFive);

        Assert.Equal(["Up to 5, please [0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10]"], await SayAsync(sut, "pretty bad"));
        Assert.Equal(["rating 9"], await SayAsync(sut, "9"));
    }

    [Fact]
    public async Task RepeatPromptAfterRetry_AnswerNotAccepted_SendsTheRetryPromptAsIsThenTheQuestionWithItsChoices()
    {
        var options = new PromptOptions { Prompt = Ask("Pick"), RetryPrompt = Ask("Sorry, which one?"), Choices = [new("Red"), new("Blue")], RepeatPromptAfterRetry = true };
        var sut = await AskedAsync(new ChoicePrompt(nameof(ChoicePrompt)), options);

        var replies = await sut.SendAsync("purple");

        Assert.Equal(["Sorry, which one?", "Pick [Red | Blue]"], replies.Select(TestConversation.Render));
        Assert.Equal((null, InputHints.ExpectingInput), (replies[0].InputHint, replies[1].InputHint));
    }

    [Fact]
    public async Task SetOptions_WaitingPrompt_NextAnswerAndRetryUseTheNewOptionsAndTheAttemptsCarryOn()
    {
        var sut = new ChoicePrompt(nameof(ChoicePrompt));
        var dialogs = new DialogSet().Add(sut);
        var stack = new DialogState();
        var english = new PromptOptions { Prompt = Ask("Pick"), RetryPrompt = Ask("Which one?"), Choices = [new("Red"), new("Blue")], MaxAttempts = 3 };
        var spanish = new PromptOptions { Prompt = Ask("Elige"), RetryPrompt = Ask("¿Cuál?"), Choices = [new("Rojo"), new("Azul")], MaxAttempts = 3 };
        await new DialogContext(dialogs, Turn("hi"), stack).PromptAsync(sut.Id, english, TestContext.Current.CancellationToken);
        await ContinueAsync(dialogs, stack, "purple");

        sut.SetOptions(stack.DialogStack[0], spanish);

        var (retry, _) = await ContinueAsync(dialogs, stack, "red");
        Assert.Equal("¿Cuál? [Rojo | Azul]", TestConversation.Render(Assert.Single(retry)));
        var (_, result) = await ContinueAsync(dialogs, stack, "verde");
        Assert.Equal(PromptResult<FoundChoice>.NoAnswer, result.Result);
    }

    [Fact]
    public async Task SetOptions_ThenAnsweredInTheNewWording_EndsWithTheNewChoice()
    {
        var sut = new ChoicePrompt(nameof(ChoicePrompt));
        var dialogs = new DialogSet().Add(sut);
        var stack = new DialogState();
        await new DialogContext(dialogs, Turn("hi"), stack).PromptAsync(sut.Id, new PromptOptions { Prompt = Ask("Pick"), Choices = [new("Red"), new("Blue")] }, TestContext.Current.CancellationToken);

        sut.SetOptions(stack.DialogStack[0], new PromptOptions { Prompt = Ask("Elige"), Choices = [new("Rojo"), new("Azul")] });

        var (_, result) = await ContinueAsync(dialogs, stack, "azul");
        Assert.Equal(PromptResult<FoundChoice>.Of(new FoundChoice("Azul", 1)), result.Result);
    }

    [Fact]
    public void SetOptions_InstanceOfAnotherDialog_Throws()
    {
        var sut = new ChoicePrompt(nameof(ChoicePrompt));

        Assert.Throws<ArgumentException>(() => sut.SetOptions(new DialogInstance { Id = "other" }, new PromptOptions { Prompt = Ask("Pick") }));
    }

    private static TurnContext Turn(string text)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = "in",
            ChannelId = "test",
            Text = text,
            From = new ChannelAccount { Id = "user" },
            Recipient = new ChannelAccount { Id = "bot" },
            Conversation = new ConversationAccount { Id = "conversation" },
        };
        return new TurnContext(activity, new TurnState(new StateDocument("c", null, null), new StateDocument("u", null, null)), NoSender.Instance);
    }

    private static async Task<(IReadOnlyList<Activity> Replies, DialogTurnResult Result)> ContinueAsync(DialogSet dialogs, DialogState stack, string text)
    {
        var turn = Turn(text);
        var result = await new DialogContext(dialogs, turn, stack).ContinueDialogAsync(TestContext.Current.CancellationToken);
        return (turn.Replies, result);
    }

    private sealed class NoSender : IChannelSender
    {
        public static NoSender Instance { get; } = new();

        public Task<IReadOnlyList<ResourceResponse>> SendAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ResourceResponse>>([]);
    }
}
