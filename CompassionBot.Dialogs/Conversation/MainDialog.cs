using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Engine;
using CompassionBot.Dialogs.Engine.Prompts;
using CompassionBot.Dialogs.Intents;
using CompassionBot.Dialogs.Practices;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Dialogs.Conversation;

/// <summary>
/// The root dialog: the practice menu (what helped this person first), the chosen practice, and — when a practice
/// does not resonate — an acknowledgement and at most three alternatives from other families, a shorter option or
/// a pause (<see cref="AlternativesOffer"/>); after the second in a row, the question of what gets in the way, and the
/// offer to stop for today. An answer that picks no option is read for what it means (<see cref="IntentRecognizer"/>):
/// a feeling gets a reflection and one practice that suits it, yes takes the first option, no ends kindly, anything not
/// understood gets a kinder question again; the dialog never ends on its own. Begin options: a
/// <see cref="MainDialogState"/> (or null for the menu). The short <see cref="PracticeMenu"/> comes first on every
/// channel (with a practice paused in the middle to resume where it stopped), the whole one after "more"; on SMS the
/// offer is one text too.
/// </summary>
public sealed partial class MainDialog : WaterfallDialog<MainDialogState>
{
    private readonly PracticeCatalog _catalog;
    private readonly MessageCatalog _messages;
    private readonly IntentRecognizer _intents;
    private readonly FeelingReader _feelings;
    private readonly PracticeMenu _menu;
    private readonly AlternativesOffer _offer;
    private readonly IReadOnlyList<IPracticeSessionObserver> _observers;

    /// <summary>Creates the dialog; <paramref name="observers"/> are told what got in the way of a session.</summary>
    public MainDialog(PracticeCatalog catalog, MessageCatalog messages, IntentRecognizer intents, FeelingReader feelings, IEnumerable<IPracticeSessionObserver> observers)
        : base(nameof(MainDialog), ConversationJsonContext.Default.MainDialogState, options => options as MainDialogState ?? new MainDialogState(null, null, [], []))
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(intents);
        ArgumentNullException.ThrowIfNull(feelings);
        ArgumentNullException.ThrowIfNull(observers);
        _catalog = catalog;
        _messages = messages;
        _intents = intents;
        _feelings = feelings;
        _observers = [.. observers];
        _menu = new PracticeMenu(messages);
        _offer = new AlternativesOffer(messages);
        AddStep(ShowChoicesAsync);
        AddStep(FollowAnswerAsync);
        AddStep(OfferAlternativesIfNeededAsync);
    }

    /// <inheritdoc />
    public override void RewordChild(DialogContext dc, DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (dc.ActiveDialog is { HasState: true } child && dc.FindDialog(child.Id) is ChoicePrompt prompt)
        {
            prompt.SetOptions(child, OptionsOf(dc.Context, Build(dc.Context, ReadValues(instance))));
        }
    }

    private async Task<DialogTurnResult> ShowChoicesAsync(WaterfallStepContext<MainDialogState> step, CancellationToken cancellationToken)
    {
        if (step.Values.PracticeId is { } chosen)
        {
            return await step.NextAsync(chosen, cancellationToken).ConfigureAwait(false);
        }

        var shown = Build(step.Context, step.Values);
        step.Values = step.Values with { OfferedIds = shown.OfferedIds };
        return step.Values.AnswerFirst
            ? await step.NextAsync(null, cancellationToken).ConfigureAwait(false)
            : await step.PromptAsync(nameof(ChoicePrompt), OptionsOf(step.Context, shown), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> FollowAnswerAsync(WaterfallStepContext<MainDialogState> step, CancellationToken cancellationToken)
    {
        var chosen = step.Result switch
        {
            string id => id,
            PromptResult<FoundChoice> { Succeeded: true, Value: { } choice } => step.Values.OfferedIds[choice.Index],
            _ => null,
        };
        return chosen is null
            ? await ListenAsync(step, cancellationToken).ConfigureAwait(false)
            : await GoToAsync(step, chosen, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> OfferAlternativesIfNeededAsync(WaterfallStepContext<MainDialogState> step, CancellationToken cancellationToken)
    {
        if (step.Result is not PracticeOutcome { Outcome: SessionOutcome.NotResonating } outcome)
        {
            return await step.EndDialogAsync(step.Result, cancellationToken).ConfigureAwait(false);
        }

        var values = step.Values with { CurrentPracticeId = outcome.PracticeId };
        return await RejectedAsync(step, values, atOffer: false, cancellationToken).ConfigureAwait(false);
    }

    // One more practice did not resonate (or, `atOffer`, the alternatives offered do not help): the first time,
    // alternatives; the second in a row, what gets in the way; after that, alternatives again in other words, or, said of
    // the offer itself, stopping for today or one more.
    private async Task<DialogTurnResult> RejectedAsync(WaterfallStepContext<MainDialogState> step, MainDialogState values, bool atOffer, CancellationToken cancellationToken)
    {
        var rejections = values.Rejections + 1;
        values = values with { Rejections = rejections };
        if (rejections == ObstacleQuestionAt)
        {
            return await ShowAsync(step, values with { Showing = MainDialogShowing.Obstacles }, cancellationToken).ConfigureAwait(false);
        }

        if (rejections > ObstacleQuestionAt && atOffer)
        {
            return await ShowAsync(step, values with { Showing = MainDialogShowing.StopOrMore }, cancellationToken).ConfigureAwait(false);
        }

        await SayAsync(step.Context, rejections == 1 ? "nonresonance.ack" : "nonresonance.ack.again", cancellationToken).ConfigureAwait(false);
        return await ShowAsync(step, values with { Showing = MainDialogShowing.Alternatives }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> GoToAsync(WaterfallStepContext<MainDialogState> step, string id, CancellationToken cancellationToken)
    {
        var values = step.Values;
        switch (id)
        {
            case PracticeMenu.MoreId:
                return await ShowAsync(step, values with { Showing = MainDialogShowing.Menu, AllPractices = true }, cancellationToken).ConfigureAwait(false);
            case MoreAlternativesId:
                return await ShowAsync(step, values with { Showing = MainDialogShowing.Alternatives }, cancellationToken).ConfigureAwait(false);
            case AlternativesOffer.PauseId:
                return await EndWithAsync(step, "practice.paused", cancellationToken).ConfigureAwait(false);
            case StopTodayId:
                return await EndWithAsync(step, "practice.stopped.today", cancellationToken).ConfigureAwait(false);
        }

        if (ObstacleOf(id) is { } obstacle)
        {
            var profile = BotStateAccessors.Profile.Get(step.Context, () => new UserProfile()).WithObstacle(obstacle);
            BotStateAccessors.Profile.Set(step.Context, profile);
            if (profile.History.Count > 0)
            {
                foreach (var observer in _observers)
                {
                    await observer.OnObstacleSavedAsync(step.Context, profile.History[^1], cancellationToken).ConfigureAwait(false);
                }
            }

            return await ShowAsync(step, values with { Showing = MainDialogShowing.StopOrMore, Obstacle = obstacle }, cancellationToken).ConfigureAwait(false);
        }

        var start = new PracticeStart(id, null);
        if (id == PracticeMenu.ResumeId)
        {
            // The pause may have ended in another conversation of the same person since the menu was shown.
            if (BotStateAccessors.Profile.Get(step.Context, () => new UserProfile()).Paused is not { } paused)
            {
                return await ShowAsync(step, values with { Showing = MainDialogShowing.Menu, AskKey = null, Misses = 0 }, cancellationToken).ConfigureAwait(false);
            }

            start = new PracticeStart(paused.PracticeId, null, paused.StepIndex);
        }

        step.Values = values with
        {
            CurrentPracticeId = start.PracticeId, OfferedIds = [], AskKey = null, Misses = 0, AnswerFirst = false, TriedThisSession = [.. values.TriedThisSession, start.PracticeId],
        };
        return await step.BeginDialogAsync(nameof(PracticeDialog), start, cancellationToken).ConfigureAwait(false);
    }

    // Shows the choices of `values` afresh (a new waterfall run asks and waits again).
    private Task<DialogTurnResult> ShowAsync(WaterfallStepContext<MainDialogState> step, MainDialogState values, CancellationToken cancellationToken) =>
        step.ReplaceDialogAsync(Id, values with { PracticeId = null, OfferedIds = [], AnswerFirst = false }, cancellationToken);

    private async Task<DialogTurnResult> EndWithAsync(WaterfallStepContext<MainDialogState> step, string key, CancellationToken cancellationToken)
    {
        await SayAsync(step.Context, key, cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private IReadOnlyList<Practice> Ranked(ITurnContext context) =>
        PracticeRecommender.Rank(_catalog.All(context.Locale), BotStateAccessors.Profile.Get(context, () => new UserProfile()));

    private Task SayAsync(ITurnContext context, string key, CancellationToken cancellationToken, params (string Name, string Value)[] arguments) =>
        context.SendActivityAsync(Activity.CreateMessage(_messages.Get(key, context.Locale, arguments)) with { Locale = context.Locale }, cancellationToken);
}
