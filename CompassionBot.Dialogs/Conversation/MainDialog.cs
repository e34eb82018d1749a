using System.Globalization;
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
/// a pause. Begin options: a <see cref="MainDialogState"/> (or null for the menu). SMS gets the short
/// <see cref="PracticeMenu"/> first, and the whole one after "more".
/// </summary>
public sealed class MainDialog : WaterfallDialog<MainDialogState>
{
    private const string PauseMarker = "#pause";
    private readonly PracticeCatalog _catalog;
    private readonly MessageCatalog _messages;
    private readonly PracticeMenu _menu;

    /// <summary>Creates the dialog.</summary>
    public MainDialog(PracticeCatalog catalog, MessageCatalog messages)
        : base(nameof(MainDialog), BotStateJsonContext.Default.MainDialogState, options => options as MainDialogState ?? new MainDialogState(null, null, [], []))
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(messages);
        _catalog = catalog;
        _messages = messages;
        _menu = new PracticeMenu(messages);
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
        var menu = _menu.For(Ranked(step.Context), locale, preferShort: ChannelKinds.IsSms(step.Context.Activity.ChannelId) && !step.Values.AllPractices);
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

        step.Values = step.Values with { CurrentPracticeId = practiceId, OfferedIds = [], TriedThisSession = [.. step.Values.TriedThisSession, practiceId] };
        return await step.BeginDialogAsync(nameof(PracticeDialog), practiceId, cancellationToken).ConfigureAwait(false);
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
        var alternatives = PracticeRecommender.Alternatives(all, profile, current).ToList();
        var shorter = PracticeRecommender.Shorter(all, current, alternatives);
        var choices = alternatives.Select(p => new Choice(p.Title)).ToList();
        var ids = alternatives.Select(p => p.Id).ToList();
        if (shorter is not null)
        {
            choices.Add(new Choice(_messages.Get("nonresonance.shorter", locale, ("title", shorter.Title), ("minutes", shorter.Minutes.ToString(CultureInfo.InvariantCulture))), [shorter.Title]));
            ids.Add(shorter.Id);
        }

        choices.Add(new Choice(_messages.Get("nonresonance.pause", locale)));
        ids.Add(PauseMarker);
        step.Values = step.Values with { OfferedIds = ids };
        await SayAsync(step.Context, "nonresonance.ack", cancellationToken).ConfigureAwait(false);
        var options = new PromptOptions { Prompt = Message(step.Context, "nonresonance.offer"), RetryPrompt = Message(step.Context, "choice.retry"), Choices = choices, MaxAttempts = 2 };
        return await step.PromptAsync(nameof(ChoicePrompt), options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RouteAlternativeAsync(WaterfallStepContext<MainDialogState> step, CancellationToken cancellationToken)
    {
        var chosen = step.Result is PromptResult<FoundChoice> { Succeeded: true, Value: { } choice } ? step.Values.OfferedIds[choice.Index] : PauseMarker;
        if (chosen == PauseMarker)
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
