using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Conversation;
using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Engine;
using CompassionBot.Dialogs.Engine.Prompts;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Dialogs.Practices;

/// <summary>
/// Walks through a practice's steps one message at a time, reading engagement signals from each answer. Ends with a
/// <see cref="StepsOutcome"/>: completed, or not resonating (an explicit "this isn't helping", or
/// <see cref="EngagementDetector.ImplicitSignalLimit"/> implicit signals). Begin options: the practice id.
/// </summary>
public sealed class PracticeStepsDialog : Dialog
{
    private const int MaxAttemptsPerStep = 2;
    private readonly PracticeCatalog _catalog;
    private readonly MessageCatalog _messages;
    private readonly EngagementDetector _detector;

    /// <summary>Creates the dialog.</summary>
    public PracticeStepsDialog(PracticeCatalog catalog, MessageCatalog messages, EngagementDetector detector) : base(nameof(PracticeStepsDialog))
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(detector);
        _catalog = catalog;
        _messages = messages;
        _detector = detector;
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var practiceId = options as string ?? throw new ArgumentException("The practice id is required.", nameof(options));
        var state = new PracticeStepsState(practiceId, 0, 0, [], [], 0);
        dc.ActiveDialog!.SetState(state, BotStateJsonContext.Default.PracticeStepsState);
        await ShowStepAsync(dc.Context, state, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (!dc.Context.Activity.IsMessage)
        {
            return EndOfTurn;
        }

        var instance = dc.ActiveDialog!;
        var state = instance.GetState(BotStateJsonContext.Default.PracticeStepsState);
        var step = Practice(dc.Context, state).Steps[state.StepIndex];
        var text = dc.Context.Activity.Text;
        var signal = _detector.Detect(text, step.Prompt == StepPromptKind.Text);
        if (step.Prompt == StepPromptKind.None && signal == EngagementSignal.Skip)
        {
            // "Next" is how a person moves on from an instruction, not a skip.
            signal = EngagementSignal.None;
        }

        if (signal == EngagementSignal.ExplicitNonResonance)
        {
            return await dc.EndDialogAsync(new StepsOutcome(true, [.. state.Signals, signal.ToString()]), cancellationToken).ConfigureAwait(false);
        }

        if (signal != EngagementSignal.Skip && !Understood(step, text))
        {
            if (state.Attempts + 1 < MaxAttemptsPerStep)
            {
                state = state with { Attempts = state.Attempts + 1 };
                instance.SetState(state, BotStateJsonContext.Default.PracticeStepsState);
                await SayRetryAsync(dc.Context, step, cancellationToken).ConfigureAwait(false);
                await ShowStepAsync(dc.Context, state, cancellationToken).ConfigureAwait(false);
                return EndOfTurn;
            }

            signal = EngagementSignal.PromptGivenUp;
        }

        state = Record(state, step, signal, text);
        if (state.ImplicitSignals >= EngagementDetector.ImplicitSignalLimit)
        {
            return await dc.EndDialogAsync(new StepsOutcome(true, state.Signals), cancellationToken).ConfigureAwait(false);
        }

        state = state with { StepIndex = state.StepIndex + 1, Attempts = 0 };
        if (state.StepIndex >= Practice(dc.Context, state).Steps.Count)
        {
            return await dc.EndDialogAsync(new StepsOutcome(false, state.Signals), cancellationToken).ConfigureAwait(false);
        }

        instance.SetState(state, BotStateJsonContext.Default.PracticeStepsState);
        await ShowStepAsync(dc.Context, state, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <inheritdoc />
    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return ShowStepAsync(turnContext, instance.GetState(BotStateJsonContext.Default.PracticeStepsState), cancellationToken);
    }

    private static PracticeStepsState Record(PracticeStepsState state, PracticeStep step, EngagementSignal signal, string? text)
    {
        var counts = state.ReplyWordCounts;
        if (step.Prompt == StepPromptKind.Text && signal != EngagementSignal.Skip)
        {
            counts = [.. counts, InputText.Words(text).Length];
            if (signal == EngagementSignal.None && EngagementDetector.IsShrinking(counts))
            {
                signal = EngagementSignal.ShrinkingReplies;
            }
        }

        var implicitSignal = signal != EngagementSignal.None && !(signal == EngagementSignal.Skip && step.Optional);
        return state with
        {
            ReplyWordCounts = counts,
            Signals = signal == EngagementSignal.None ? state.Signals : [.. state.Signals, signal.ToString()],
            ImplicitSignals = state.ImplicitSignals + (implicitSignal ? 1 : 0),
        };
    }

    private static bool Understood(PracticeStep step, string? text) => step.Prompt switch
    {
        StepPromptKind.Choice => ChoiceRecognizer.Recognize(text, [.. step.Choices.Select(c => new Choice(c))]) is not null,
        StepPromptKind.Rating => RatingRecognizer.Recognize(text) is not null,
        _ => true,
    };

    private Task SayRetryAsync(ITurnContext context, PracticeStep step, CancellationToken cancellationToken)
    {
        var key = step.Prompt == StepPromptKind.Rating ? "rating.retry" : "choice.retry";
        return context.SendActivityAsync(Activity.CreateMessage(_messages.Get(key, LocaleOf(context))), cancellationToken);
    }

    private async Task ShowStepAsync(ITurnContext context, PracticeStepsState state, CancellationToken cancellationToken)
    {
        var locale = LocaleOf(context);
        var step = Practice(context, state).Steps[state.StepIndex];
        var text = ChannelKinds.IsSms(context.Activity.ChannelId) ? step.SmsText ?? step.Text : step.Text;
        var message = Activity.CreateMessage(text, InputHints.ExpectingInput) with { Locale = locale };
        var choices = StepChoices(step, locale);
        await context.SendActivityAsync(choices.Count > 0 ? ChoiceRenderer.Render(context.Activity, message, choices) : message, cancellationToken).ConfigureAwait(false);
    }

    private List<Choice> StepChoices(PracticeStep step, string locale)
    {
        var choices = step.Prompt switch
        {
            StepPromptKind.Choice => step.Choices.Select(c => new Choice(c)).ToList(),
            StepPromptKind.None => [new Choice(_messages.Get("step.continue", locale))],
            _ => [],
        };
        if (step.Optional && choices.Count < 3)
        {
            choices.Add(new Choice(_messages.Get("step.skip", locale)));
        }

        return choices;
    }

    private Practice Practice(ITurnContext context, PracticeStepsState state) => _catalog.Get(state.PracticeId, LocaleOf(context));

    private static string LocaleOf(ITurnContext context) => context.Locale;
}
