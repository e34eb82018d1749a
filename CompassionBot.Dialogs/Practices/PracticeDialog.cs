using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Engine;
using CompassionBot.Dialogs.Engine.Prompts;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Dialogs.Practices;

/// <summary>
/// Runs any practice from the catalog: distress before (0–10), the steps, distress after, "how did that feel?", and the
/// session saved in the person's profile. Distress that counts is met first: a 9 or 10 before the practice gets the
/// crisis line and the offer of something short and soothing first; an after rating of 8 or more, or 3 or more above
/// the before rating, gets the line, the same offer and a concern alert to the clinician. A session that is cancelled
/// (stop, menu) is saved as abandoned; every saved session is also told to each <see cref="IPracticeSessionObserver"/>.
/// Where its steps stopped is <see cref="WhereStopped"/>, and a <see cref="PracticeStart"/> with
/// <see cref="PracticeStart.FromStep"/> resumes there. Beginning a practice ends the offer to resume one paused before.
/// Begin options: the practice id or a <see cref="PracticeStart"/>. Ends with a <see cref="PracticeOutcome"/>.
/// </summary>
public sealed partial class PracticeDialog : WaterfallDialog<PracticeSession>
{
    /// <summary>A before rating from which grounding is offered first.</summary>
    public const int HighDistressBefore = 9;

    /// <summary>An after rating from which soothing is offered and the clinician alerted.</summary>
    public const int HighDistressAfter = 8;

    /// <summary>A rise from before to after from which soothing is offered and the clinician alerted.</summary>
    public const int DistressRise = 3;

    /// <summary>The rule id of the concern event raised by a high after rating.</summary>
    public const string HighAfterRule = "distress.after.high";

    /// <summary>The rule id of the concern event raised by a rise in distress.</summary>
    public const string RiseRule = "distress.after.rise";

    private readonly PracticeCatalog _catalog;
    private readonly MessageCatalog _messages;
    private readonly TimeProvider _time;
    private readonly ClinicOptions _clinic;
    private readonly ICrisisResponder _responder;
    private readonly EngagementDetector _detector;
    private readonly IReadOnlyList<IPracticeSessionObserver> _observers;

    /// <summary>Creates the dialog.</summary>
    public PracticeDialog(
        PracticeCatalog catalog, MessageCatalog messages, TimeProvider time, ClinicOptions clinic, ICrisisResponder responder, EngagementDetector detector, IEnumerable<IPracticeSessionObserver> observers)
        : base(nameof(PracticeDialog), PracticesJsonContext.Default.PracticeSession, options => (PracticeSession)options!)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(clinic);
        ArgumentNullException.ThrowIfNull(responder);
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(observers);
        _detector = detector;
        _observers = [.. observers];
        _clinic = clinic;
        _catalog = catalog;
        _messages = messages;
        _time = time;
        _responder = responder;
        AddStep(IntroduceAsync);
        AddStep(OfferGroundingIfDistressedAsync);
        AddStep(RunStepsAsync);
        AddStep(AskDistressAfterAsync);
        AddStep(OfferSoothingIfDistressedAsync);
        AddStep(AskHowItFeltAsync);
        AddStep(FinishAsync);
    }

    /// <summary>
    /// The validator of the <see cref="RatingPrompt"/> this dialog asks with: a rating, or a remark that the practice is not
    /// for them ("not for me", "no me sirve"), which ends the practice as not resonating instead of asking for a number again.
    /// </summary>
    public Task<bool> AcceptRatingOrNonResonanceAsync(PromptValidatorContext<int> prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return Task.FromResult(prompt.Recognized.Succeeded || _detector.Detect(prompt.Context.Activity.Text, invitesMore: false) == EngagementSignal.ExplicitNonResonance);
    }

    /// <inheritdoc />
    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var start = options switch
        {
            string practiceId => new PracticeStart(practiceId, null),
            PracticeStart carried => carried,
            _ => throw new ArgumentException("The practice id or a PracticeStart is required.", nameof(options)),
        };
        ArgumentNullException.ThrowIfNull(dc);
        var profile = BotStateAccessors.Profile.Get(dc.Context, () => new UserProfile());
        if (profile.Paused is not null)
        {
            BotStateAccessors.Profile.Set(dc.Context, profile with { Paused = null });
        }

        var session = new PracticeSession(start.PracticeId, _time.GetUtcNow(), start.DistressBefore, null, null, [], start.FromStep);
        return base.BeginDialogAsync(dc, session, cancellationToken);
    }

    /// <summary>
    /// Where the practice running on <paramref name="dc"/>'s stack stopped: its id and the step waiting for an answer;
    /// null when no practice is in its steps (none runs, or it is at a rating or the closing question).
    /// </summary>
    public static PausedPractice? WhereStopped(DialogContext dc)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Stack.FirstOrDefault(i => i.Id == nameof(PracticeStepsDialog)) is { HasState: true } steps
            && steps.GetState(PracticesJsonContext.Default.PracticeStepsState) is var state
            ? new PausedPractice(state.PracticeId, state.StepIndex)
            : null;
    }

    /// <inheritdoc />
    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (reason == DialogReason.CancelCalled && instance?.HasState == true)
        {
            await SaveSessionAsync(turnContext, ReadValues(instance), SessionOutcome.Abandoned, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<DialogTurnResult> IntroduceAsync(WaterfallStepContext<PracticeSession> step, CancellationToken cancellationToken)
    {
        var practice = PracticeOf(step);
        // On SMS "stop" is a carrier opt-out keyword, so the way out is named differently there.
        var startKey = (step.Values.FromStep > 0 ? "practice.resume" : "practice.start") + (ChannelKinds.IsSms(step.Context.Activity.ChannelId) ? ".sms" : "");
        await step.Context.SayAsync(_messages, startKey, cancellationToken, ("title", practice.Title), ("summary", practice.Summary), ("minutes", practice.Minutes.ToString(System.Globalization.CultureInfo.InvariantCulture))).ConfigureAwait(false);
        return practice.RateBefore && step.Values.DistressBefore is null
            ? await AskRatingAsync(step, "rating.before", cancellationToken).ConfigureAwait(false)
            : await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> OfferGroundingIfDistressedAsync(WaterfallStepContext<PracticeSession> step, CancellationToken cancellationToken)
    {
        if (SaidNotForThem(step))
        {
            step.Values = step.Values with { Signals = [.. step.Values.Signals, nameof(EngagementSignal.ExplicitNonResonance)] };
            return await EndNotResonatingAsync(step, cancellationToken).ConfigureAwait(false);
        }

        await AcknowledgeGivenUpRatingAsync(step, cancellationToken).ConfigureAwait(false);
        step.Values = WithRating(step.Values, step.Result, before: true);
        // Offered once, on the rating just given: a rating carried in from the practice before has had its offer.
        if (step.Result is PromptResult<int> && step.Values.DistressBefore >= HighDistressBefore && SoothingAlternative(step) is { } soothing)
        {
            return await OfferSoothingAsync(step, "rating.high.before", soothing, "practice.keepgoing", cancellationToken).ConfigureAwait(false);
        }

        return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RunStepsAsync(WaterfallStepContext<PracticeSession> step, CancellationToken cancellationToken)
    {
        if (ChoseSoothing(step) is { } soothing)
        {
            return await step.ReplaceDialogAsync(nameof(PracticeDialog), new PracticeStart(soothing.Id, step.Values.DistressBefore), cancellationToken).ConfigureAwait(false);
        }

        var steps = new PracticeStepsStart(step.Values.PracticeId, step.Values.FromStep);
        return await step.BeginDialogAsync(nameof(PracticeStepsDialog), steps, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskDistressAfterAsync(WaterfallStepContext<PracticeSession> step, CancellationToken cancellationToken)
    {
        var outcome = (StepsOutcome)step.Result!;
        step.Values = step.Values with { Signals = [.. step.Values.Signals, .. outcome.Signals] };
        if (outcome.NotResonating)
        {
            return await EndNotResonatingAsync(step, cancellationToken).ConfigureAwait(false);
        }

        return PracticeOf(step).RateAfter
            ? await AskRatingAsync(step, "rating.after", cancellationToken).ConfigureAwait(false)
            : await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> OfferSoothingIfDistressedAsync(WaterfallStepContext<PracticeSession> step, CancellationToken cancellationToken)
    {
        if (SaidNotForThem(step))
        {
            step.Values = step.Values with { Signals = [.. step.Values.Signals, nameof(EngagementSignal.ExplicitNonResonance)] };
            return await EndNotResonatingAsync(step, cancellationToken).ConfigureAwait(false);
        }

        await AcknowledgeGivenUpRatingAsync(step, cancellationToken).ConfigureAwait(false);
        step.Values = WithRating(step.Values, step.Result, before: false);
        var (after, before) = (step.Values.DistressAfter, step.Values.DistressBefore);
        var high = after >= HighDistressAfter;
        if (high || after - before >= DistressRise)
        {
            await _responder.RaiseConcernAsync(new BotTurn(step.Context, step, _messages), high ? HighAfterRule : RiseRule, cancellationToken).ConfigureAwait(false);
            if (SoothingAlternative(step) is { } soothing)
            {
                return await OfferSoothingAsync(step, "rating.high.after", soothing, "practice.nothanks", cancellationToken).ConfigureAwait(false);
            }
        }
        else if (after > before)
        {
            await step.Context.SayAsync(_messages, "worse.after", cancellationToken).ConfigureAwait(false);
        }

        return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskHowItFeltAsync(WaterfallStepContext<PracticeSession> step, CancellationToken cancellationToken)
    {
        if (ChoseSoothing(step) is { } soothing)
        {
            await SaveSessionAsync(step.Context, step.Values, SessionOutcome.Completed, cancellationToken).ConfigureAwait(false);
            return await step.ReplaceDialogAsync(nameof(PracticeDialog), new PracticeStart(soothing.Id, step.Values.DistressAfter), cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(nameof(ChoicePrompt), FeelOptions(step.Context), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> FinishAsync(WaterfallStepContext<PracticeSession> step, CancellationToken cancellationToken)
    {
        var resonance = step.Result is PromptResult<FoundChoice> { Succeeded: true, Value: { } choice } ? (Resonance?)choice.Index : null;
        step.Values = step.Values with { Resonance = resonance };
        await SaveSessionAsync(step.Context, step.Values, SessionOutcome.Completed, cancellationToken).ConfigureAwait(false);
        if (resonance == Resonance.NotForMe)
        {
            return await step.EndDialogAsync(new PracticeOutcome(step.Values.PracticeId, SessionOutcome.NotResonating), cancellationToken).ConfigureAwait(false);
        }

        await step.Context.SayAsync(_messages, "practice.done", cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(new PracticeOutcome(step.Values.PracticeId, SessionOutcome.Completed), cancellationToken).ConfigureAwait(false);
    }

    private Task<DialogTurnResult> OfferSoothingAsync(WaterfallStepContext<PracticeSession> step, string key, Practice soothing, string declineKey, CancellationToken cancellationToken) =>
        step.PromptAsync(nameof(ChoicePrompt), SoothingOptions(step.Context, key, soothing, declineKey), cancellationToken);

    // A rating prompt accepted the answer, but it is no rating: it said the practice is not for them.
    private static bool SaidNotForThem(WaterfallStepContext<PracticeSession> step) =>
        step.Result is PromptResult<int> { Succeeded: true } && RatingRecognizer.Recognize(step.Context.Activity.Text) is null;

    private async Task<DialogTurnResult> EndNotResonatingAsync(WaterfallStepContext<PracticeSession> step, CancellationToken cancellationToken)
    {
        await SaveSessionAsync(step.Context, step.Values, SessionOutcome.NotResonating, cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(new PracticeOutcome(step.Values.PracticeId, SessionOutcome.NotResonating), cancellationToken).ConfigureAwait(false);
    }

    private Practice? ChoseSoothing(WaterfallStepContext<PracticeSession> step) =>
        step.Result is PromptResult<FoundChoice> { Succeeded: true, Value: { Index: 0 } } && SoothingAlternative(step) is { } soothing ? soothing : null;

    private Practice? SoothingAlternative(WaterfallStepContext<PracticeSession> step) => SoothingAlternative(step.Context, step.Values.PracticeId);

    private Task AcknowledgeGivenUpRatingAsync(WaterfallStepContext<PracticeSession> step, CancellationToken cancellationToken) =>
        step.Result is PromptResult<int> { Succeeded: false } ? step.Context.SayAsync(_messages, "rating.giveup", cancellationToken) : Task.CompletedTask;

    private Task<DialogTurnResult> AskRatingAsync(DialogContext dc, string key, CancellationToken cancellationToken) =>
        dc.PromptAsync(nameof(RatingPrompt), RatingOptions(dc.Context, key), cancellationToken);

    private static PracticeSession WithRating(PracticeSession session, object? result, bool before) => result switch
    {
        PromptResult<int> { Succeeded: true } rating when before => session with { DistressBefore = rating.Value },
        PromptResult<int> { Succeeded: true } rating => session with { DistressAfter = rating.Value },
        PromptResult<int> => session with { Signals = [.. session.Signals, nameof(EngagementSignal.PromptGivenUp)] },
        _ => session,
    };

    private async Task SaveSessionAsync(ITurnContext context, PracticeSession session, SessionOutcome outcome, CancellationToken cancellationToken)
    {
        var family = _catalog.Get(session.PracticeId, context.Locale).Family;
        var record = new PracticeSessionRecord(session.PracticeId, family, session.StartedAt, session.DistressBefore, session.DistressAfter, session.Resonance, outcome, session.Signals);
        var profile = BotStateAccessors.Profile.Get(context, () => new UserProfile());
        BotStateAccessors.Profile.Set(context, profile.WithSession(record));
        var endedAt = _time.GetUtcNow();
        foreach (var observer in _observers)
        {
            await observer.OnSessionSavedAsync(context, record, endedAt, cancellationToken).ConfigureAwait(false);
        }
    }

    private Practice PracticeOf(WaterfallStepContext<PracticeSession> step) => _catalog.Get(step.Values.PracticeId, step.Context.Locale);
}
