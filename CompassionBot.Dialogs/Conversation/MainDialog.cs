using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Engine;
using CompassionBot.Dialogs.Engine.Prompts;
using CompassionBot.Dialogs.Practices;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Dialogs.Conversation;

/// <summary>
/// The root dialog: the practice menu (what helped this person first), the chosen practice, and — when a practice
/// does not resonate — an acknowledgement and at most three alternatives from other families, a shorter option or
/// a pause (<see cref="AlternativesOffer"/>). Begin options: a <see cref="MainDialogState"/> (or null for the menu).
/// The short <see cref="PracticeMenu"/> comes first (with a paused practice to resume where it stopped), the whole one
/// after "more"; on SMS the offer is one text too.
/// </summary>
public sealed class MainDialog : WaterfallDialog<MainDialogState>
{
    private readonly PracticeCatalog _catalog;
    private readonly MessageCatalog _messages;
    private readonly PracticeMenu _menu;
    private readonly AlternativesOffer _offer;

    /// <summary>Creates the dialog.</summary>
    public MainDialog(PracticeCatalog catalog, MessageCatalog messages)
        : base(nameof(MainDialog), ConversationJsonContext.Default.MainDialogState, options => options as MainDialogState ?? new MainDialogState(null, null, [], []))
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(messages);
        _catalog = catalog;
        _messages = messages;
        _menu = new PracticeMenu(messages);
        _offer = new AlternativesOffer(messages);
        AddStep(ChoosePracticeAsync);
        AddStep(BeginPracticeAsync);
        AddStep(OfferAlternativesIfNeededAsync);
        AddStep(RouteAlternativeAsync);
    }

    private async Task<DialogTurnResult> ChoosePracticeAsync(WaterfallStepContext<MainDialogState> step, CancellationToken cancellationToken)
    {
        if (step.Values.PracticeId is { } chosen)
        {
            return await step.NextAsync(chosen, cancellationToken).ConfigureAwait(false);
        }

        var locale = step.Context.Locale;
        var profile = BotStateAccessors.Profile.Get(step.Context, () => new UserProfile());
        var resume = profile.Paused is { } paused && _catalog.TryGet(paused.PracticeId, locale, out var practice) ? practice : null;
        var request = new MenuRequest(
            locale, step.Values.AllPractices, ChoiceRenderer.ShowsButtons(step.Context.Activity, 1), profile.History.Select(h => h.Family).ToHashSet(), resume);
        var menu = _menu.For(Ranked(step.Context), request);
        step.Values = step.Values with { OfferedIds = menu.OfferedIds };
        var options = new PromptOptions
        {
            Prompt = Activity.CreateMessage(menu.Text) with { Locale = locale },
            RetryPrompt = Message(step.Context, "choice.retry"),
            Choices = menu.Choices,
            UnlistedChoices = menu.Unlisted,
            ChoicesInText = true,
            MaxAttempts = 2,
        };
        return await step.PromptAsync(nameof(ChoicePrompt), options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> BeginPracticeAsync(WaterfallStepContext<MainDialogState> step, CancellationToken cancellationToken)
    {
        var practiceId = step.Result switch
        {
            string id => id,
            PromptResult<FoundChoice> { Succeeded: true, Value: { } choice } => step.Values.OfferedIds[choice.Index],
            _ => null,
        };
        if (practiceId is null)
        {
            await SayAsync(step.Context, "practice.paused", cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        if (practiceId == PracticeMenu.MoreId)
        {
            return await step.ReplaceDialogAsync(Id, step.Values with { OfferedIds = [], AllPractices = true }, cancellationToken).ConfigureAwait(false);
        }

        var start = new PracticeStart(practiceId, null);
        if (practiceId == PracticeMenu.ResumeId)
        {
            // The pause may have ended in another conversation of the same person since the menu was shown.
            if (BotStateAccessors.Profile.Get(step.Context, () => new UserProfile()).Paused is not { } paused)
            {
                return await step.ReplaceDialogAsync(Id, step.Values with { OfferedIds = [] }, cancellationToken).ConfigureAwait(false);
            }

            start = new PracticeStart(paused.PracticeId, null, paused.StepIndex);
        }

        step.Values = step.Values with { CurrentPracticeId = start.PracticeId, OfferedIds = [], TriedThisSession = [.. step.Values.TriedThisSession, start.PracticeId] };
        return await step.BeginDialogAsync(nameof(PracticeDialog), start, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> OfferAlternativesIfNeededAsync(WaterfallStepContext<MainDialogState> step, CancellationToken cancellationToken)
    {
        if (step.Result is not PracticeOutcome { Outcome: SessionOutcome.NotResonating } outcome)
        {
            return await step.EndDialogAsync(step.Result, cancellationToken).ConfigureAwait(false);
        }

        var locale = step.Context.Locale;
        var all = _catalog.All(locale).Where(p => !step.Values.TriedThisSession.Contains(p.Id)).ToList();
        var current = _catalog.Get(outcome.PracticeId, locale);
        var profile = BotStateAccessors.Profile.Get(step.Context, () => new UserProfile());
        var alternatives = PracticeRecommender.Alternatives(all, profile, current);
        var offer = _offer.For(alternatives, PracticeRecommender.Shorter(all, current, alternatives), locale, ChannelKinds.IsSms(step.Context.Activity.ChannelId));
        step.Values = step.Values with { OfferedIds = offer.OfferedIds };
        await SayAsync(step.Context, "nonresonance.ack", cancellationToken).ConfigureAwait(false);
        var options = new PromptOptions
        {
            Prompt = Activity.CreateMessage(offer.Text) with { Locale = locale },
            RetryPrompt = Message(step.Context, "choice.retry"),
            Choices = offer.Choices,
            UnlistedChoices = offer.Unlisted,
            ChoicesInText = offer.ChoicesInText,
            MaxAttempts = 2,
        };
        return await step.PromptAsync(nameof(ChoicePrompt), options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RouteAlternativeAsync(WaterfallStepContext<MainDialogState> step, CancellationToken cancellationToken)
    {
        var chosen = step.Result is PromptResult<FoundChoice> { Succeeded: true, Value: { } choice } ? step.Values.OfferedIds[choice.Index] : AlternativesOffer.PauseId;
        if (chosen == AlternativesOffer.PauseId)
        {
            await SayAsync(step.Context, "practice.paused", cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        return await step.ReplaceDialogAsync(Id, step.Values with { PracticeId = chosen, OfferedIds = [] }, cancellationToken).ConfigureAwait(false);
    }

    private IReadOnlyList<Practice> Ranked(ITurnContext context) =>
        PracticeRecommender.Rank(_catalog.All(context.Locale), BotStateAccessors.Profile.Get(context, () => new UserProfile()));

    private Activity Message(ITurnContext context, string key) => Activity.CreateMessage(_messages.Get(key, context.Locale)) with { Locale = context.Locale };

    private Task SayAsync(ITurnContext context, string key, CancellationToken cancellationToken) =>
        context.SendActivityAsync(Message(context, key), cancellationToken);
}
