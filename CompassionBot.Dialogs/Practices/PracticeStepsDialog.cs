using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Engine;
using CompassionBot.Dialogs.Engine.Prompts;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Dialogs.Practices;

/// <summary>
/// Walks through a practice's steps one message at a time, reading engagement signals from each answer. Each step is
/// asked through a prompt of its own (an instruction or a free-text question: <see cref="TextPrompt"/>; a choice:
/// <see cref="ChoicePrompt"/>; a rating: <see cref="RatingPrompt"/>), which asks again once when a choice or rating is
/// not understood. Ends with a <see cref="StepsOutcome"/>: completed, or not resonating (an explicit "this isn't
/// helping", or <see cref="EngagementDetector.ImplicitSignalLimit"/> implicit signals). A free-text answer that says
/// something is acknowledged briefly before the next question or the end (an instruction that follows it answers it).
/// A step whose answer may be kept (<see cref="PracticeStep.Keep"/>) asks whether to keep it instead, and keeps it in
/// the profile only on a yes. Begin options: the practice id, or a <see cref="PracticeStepsStart"/> to begin at a later
/// step.
/// </summary>
public sealed partial class PracticeStepsDialog : Dialog
{
    private const int MaxAttemptsPerStep = 2;
    private const int AcknowledgementCount = 3;
    private readonly PracticeCatalog _catalog;
    private readonly MessageCatalog _messages;
    private readonly EngagementDetector _detector;
    private readonly ChoicePrompt _choicePrompt;
    private readonly RatingPrompt _ratingPrompt;
    private readonly TextPrompt _textPrompt;
    private readonly ConfirmPrompt _keepPrompt;
    private readonly DialogSet _prompts;

    /// <summary>Creates the dialog.</summary>
    public PracticeStepsDialog(PracticeCatalog catalog, MessageCatalog messages, EngagementDetector detector) : base(nameof(PracticeStepsDialog))
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(detector);
        _catalog = catalog;
        _messages = messages;
        _detector = detector;
        _choicePrompt = new ChoicePrompt(nameof(ChoicePrompt), AcceptUnderstoodOrSignalAsync);
        _ratingPrompt = new RatingPrompt(nameof(RatingPrompt), AcceptUnderstoodOrSignalAsync);
        _textPrompt = new TextPrompt(nameof(TextPrompt), AcceptAnyAnswerAsync);
        _keepPrompt = new ConfirmPrompt(nameof(ConfirmPrompt));
        _prompts = new DialogSet().Add(_choicePrompt).Add(_ratingPrompt).Add(_textPrompt).Add(_keepPrompt);
    }

    /// <inheritdoc />
    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var start = options switch
        {
            string practiceId => new PracticeStepsStart(practiceId, 0),
            PracticeStepsStart from => from,
            _ => throw new ArgumentException("The practice id or a PracticeStepsStart is required.", nameof(options)),
        };
        var steps = _catalog.Get(start.PracticeId, dc.Context.Locale).Steps.Count;
        var state = new PracticeStepsState(start.PracticeId, Math.Clamp(start.StepIndex, 0, steps - 1), [], [], 0, null);
        return AskStepAsync(dc.Context, dc.ActiveDialog!, state, cancellationToken);
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
        var state = instance.GetState(PracticesJsonContext.Default.PracticeStepsState);
        if (WaitingPrompt(dc.Context, state) is not { } prompt)
        {
            return await AskStepAsync(dc.Context, instance, state, cancellationToken).ConfigureAwait(false);
        }

        var result = await prompt.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        instance.SetState(state, PracticesJsonContext.Default.PracticeStepsState);
        if (result.Status == DialogTurnStatus.Waiting)
        {
            return EndOfTurn;
        }

        return state.Keeping is null
            ? await RecordAnswerAsync(dc, state, GaveUp(result.Result), cancellationToken).ConfigureAwait(false)
            : await KeepIfWantedAsync(dc, state, result.Result, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var state = instance.GetState(PracticesJsonContext.Default.PracticeStepsState);
        if (WaitingPrompt(turnContext, state) is not { } prompt)
        {
            await AskStepAsync(turnContext, instance, state, cancellationToken).ConfigureAwait(false);
            return;
        }

        await prompt.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        instance.SetState(state, PracticesJsonContext.Default.PracticeStepsState);
    }

    private async Task<DialogTurnResult> AskStepAsync(ITurnContext context, DialogInstance instance, PracticeStepsState state, CancellationToken cancellationToken)
    {
        state = state with { Prompt = new DialogState() };
        var step = StepOf(context, state);
        var prompts = new DialogContext(_prompts, context, state.Prompt);
        await prompts.PromptAsync(PromptIdOf(step, state), OptionsOf(context, step, state), cancellationToken).ConfigureAwait(false);
        instance.SetState(state, PracticesJsonContext.Default.PracticeStepsState);
        return EndOfTurn;
    }

    // The step's prompt, with its question worded for this turn: a person may switch language mid-step ("español"),
    // and is then asked, and understood, in the new one. Null when no prompt of the step's kind is waiting (state
    // saved before the steps were asked through prompts): the step is then asked again.
    private DialogContext? WaitingPrompt(ITurnContext context, PracticeStepsState state)
    {
        var step = StepOf(context, state);
        if (state.Prompt is not { DialogStack: [var waiting] } stack || waiting.Id != PromptIdOf(step, state))
        {
            return null;
        }

        var options = OptionsOf(context, step, state);
        switch (step.Prompt)
        {
            case StepPromptKind.Text when state.Keeping is not null:
                _keepPrompt.SetOptions(waiting, options);
                break;
            case StepPromptKind.Choice:
                _choicePrompt.SetOptions(waiting, options);
                break;
            case StepPromptKind.Rating:
                _ratingPrompt.SetOptions(waiting, options);
                break;
            default:
                _textPrompt.SetOptions(waiting, options);
                break;
        }

        return new DialogContext(_prompts, context, stack);
    }

    private async Task<DialogTurnResult> RecordAnswerAsync(DialogContext dc, PracticeStepsState state, bool gaveUp, CancellationToken cancellationToken)
    {
        var step = StepOf(dc.Context, state);
        var text = dc.Context.Activity.Text;
        var signal = gaveUp ? EngagementSignal.PromptGivenUp : SignalOf(step, text);
        if (signal == EngagementSignal.ExplicitNonResonance)
        {
            return await dc.EndDialogAsync(new StepsOutcome(true, [.. state.Signals, signal.ToString()]), cancellationToken).ConfigureAwait(false);
        }

        state = Record(state, step, signal, text);
        if (state.ImplicitSignals >= EngagementDetector.ImplicitSignalLimit)
        {
            return await dc.EndDialogAsync(new StepsOutcome(true, state.Signals), cancellationToken).ConfigureAwait(false);
        }

        // The question whether to keep what was written is the bot's answer to it.
        if (step.Keep is not null && signal is EngagementSignal.None or EngagementSignal.MinimalReply && !string.IsNullOrWhiteSpace(text))
        {
            return await AskStepAsync(dc.Context, dc.ActiveDialog!, state with { Keeping = text.Trim() }, cancellationToken).ConfigureAwait(false);
        }

        var steps = _catalog.Get(state.PracticeId, dc.Context.Locale).Steps;
        var next = state.StepIndex + 1;
        // An instruction right after a question is the practice's own answer to what was written ("Thank you. The way
        // we talk to others…"); before another question or the end, the bot says it heard.
        if (step.Prompt == StepPromptKind.Text && signal == EngagementSignal.None && InputText.Words(text).Length > 0
            && (next >= steps.Count || steps[next].Prompt != StepPromptKind.None))
        {
            await AcknowledgeAsync(dc.Context, state.ReplyWordCounts.Count, cancellationToken).ConfigureAwait(false);
        }

        return await NextStepAsync(dc, state, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> NextStepAsync(DialogContext dc, PracticeStepsState state, CancellationToken cancellationToken)
    {
        state = state with { StepIndex = state.StepIndex + 1, Keeping = null };
        if (state.StepIndex >= _catalog.Get(state.PracticeId, dc.Context.Locale).Steps.Count)
        {
            return await dc.EndDialogAsync(new StepsOutcome(false, state.Signals), cancellationToken).ConfigureAwait(false);
        }

        return await AskStepAsync(dc.Context, dc.ActiveDialog!, state, cancellationToken).ConfigureAwait(false);
    }

    // What the person wrote is met before the next step, in words that change from one answer to the next.
    private Task AcknowledgeAsync(ITurnContext context, int answers, CancellationToken cancellationToken)
    {
        var key = "step.ack." + (((answers - 1) % AcknowledgementCount) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return context.SayAsync(_messages, key, cancellationToken);
    }

    private EngagementSignal SignalOf(PracticeStep step, string? text)
    {
        var signal = _detector.Detect(text, step.Prompt == StepPromptKind.Text);
        // "Next" is how a person moves on from an instruction, not a skip.
        return step.Prompt == StepPromptKind.None && signal == EngagementSignal.Skip ? EngagementSignal.None : signal;
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

    // A choice or a rating is accepted when understood, and so are "skip" and "this isn't helping" (read as signals
    // once the prompt ends); anything else is asked again, once.
    private Task<bool> AcceptUnderstoodOrSignalAsync<T>(PromptValidatorContext<T> prompt, CancellationToken cancellationToken) =>
        Task.FromResult(prompt.Recognized.Succeeded
            || _detector.Detect(prompt.Context.Activity.Text, invitesMore: false) is EngagementSignal.Skip or EngagementSignal.ExplicitNonResonance);

    // Any answer moves on from an instruction ("Next" or anything else) or a free-text question, even one without text
    // (a picture): what it says is read as a signal once the prompt ends.
    private static Task<bool> AcceptAnyAnswerAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken) => Task.FromResult(true);

    private static bool GaveUp(object? promptResult) => promptResult switch
    {
        PromptResult<FoundChoice> choice => !choice.Succeeded,
        PromptResult<int> rating => !rating.Succeeded,
        PromptResult<string> text => !text.Succeeded,
        _ => throw new InvalidOperationException("A step's prompt ended without a prompt result."),
    };

    private string PromptIdOf(PracticeStep step, PracticeStepsState state) => step.Prompt switch
    {
        StepPromptKind.Text when state.Keeping is not null => _keepPrompt.Id,
        StepPromptKind.Choice => _choicePrompt.Id,
        StepPromptKind.Rating => _ratingPrompt.Id,
        _ => _textPrompt.Id,
    };

    private PromptOptions OptionsOf(ITurnContext context, PracticeStep step, PracticeStepsState state)
    {
        var locale = context.Locale;
        if (state.Keeping is not null && step.Keep is { } kind)
        {
            return KeepQuestion(context, kind);
        }

        var text = ChannelKinds.IsSms(context.Activity.ChannelId) ? step.SmsText ?? step.Text : step.Text;
        var question = Activity.CreateMessage(text, InputHints.ExpectingInput) with { Locale = locale };
        var choices = StepChoices(step, locale);
        return step.Prompt switch
        {
            StepPromptKind.Choice => new PromptOptions { Prompt = question, Choices = choices, RetryPrompt = Retry("choice.retry", locale), RepeatPromptAfterRetry = true, MaxAttempts = MaxAttemptsPerStep },
            StepPromptKind.Rating => new PromptOptions { Prompt = WithButtons(context, question, choices), RetryPrompt = Retry("rating.retry", locale), RepeatPromptAfterRetry = true, MaxAttempts = MaxAttemptsPerStep },
            _ => new PromptOptions { Prompt = WithButtons(context, question, choices), MaxAttempts = MaxAttemptsPerStep },
        };
    }

    private Activity Retry(string key, string locale) => Activity.CreateMessage(_messages.Get(key, locale));

    private static Activity WithButtons(ITurnContext context, Activity question, List<Choice> choices) =>
        choices.Count > 0 ? ChoiceRenderer.Render(context.Activity, question, choices) : question;

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

    private PracticeStep StepOf(ITurnContext context, PracticeStepsState state) => _catalog.Get(state.PracticeId, context.Locale).Steps[state.StepIndex];
}
