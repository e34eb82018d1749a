using System.Globalization;
using System.Text;
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
/// a pause. Begin options: a <see cref="MainDialogState"/> (or null for the menu). On SMS, where the whole menu takes
/// several messages, the menu first offers one practice from each of the best-ranked families, and "more" for all;
/// the name of any other practice still starts it.
/// </summary>
public sealed class MainDialog : WaterfallDialog<MainDialogState>
{
    /// <summary>Practices on the short SMS menu (as many as a non-resonance offer), so it fits one SMS with "more".</summary>
    public const int SmsMenuSize = 3;

    private const string PauseMarker = "#pause";
    private const string MoreMarker = "#more";
    private readonly PracticeCatalog _catalog;
    private readonly MessageCatalog _messages;

    /// <summary>Creates the dialog.</summary>
    public MainDialog(PracticeCatalog catalog, MessageCatalog messages)
        : base(nameof(MainDialog), BotStateJsonContext.Default.MainDialogState, options => options as MainDialogState ?? new MainDialogState(null, null, [], []))
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(messages);
        _catalog = catalog;
        _messages = messages;
        AddStep(ChoosePracticeAsync);
        AddStep(BeginPracticeAsync);
        AddStep(OfferAlternativesIfNeededAsync);
        AddStep(RouteAlternativeAsync);
    }

    /// <summary>
    /// The menu order: <paramref name="ranked"/> grouped by family, each family where its best-ranked practice is,
    /// so what helped stays first and something new stays near the top.
    /// </summary>
    public static IReadOnlyList<Practice> MenuOrder(IReadOnlyList<Practice> ranked)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        return [.. ranked.GroupBy(p => p.Family).SelectMany(g => g)];
    }

    /// <summary>
    /// The short SMS menu: the best-ranked practice of each family, best first, at most <see cref="SmsMenuSize"/>, so it
    /// offers different kinds of practice rather than several of one kind.
    /// </summary>
    public static IReadOnlyList<Practice> SmsMenu(IReadOnlyList<Practice> ranked)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        return [.. ranked.GroupBy(p => p.Family).Select(g => g.First()).Take(SmsMenuSize)];
    }

    /// <summary>The short SMS menu's text: its practices numbered by title, then "more" as the last number.</summary>
    public string SmsMenuText(string locale, IReadOnlyList<Practice> menu)
    {
        ArgumentNullException.ThrowIfNull(menu);
        var text = new StringBuilder(_messages.Get("menu.intro.sms", locale));
        var titles = menu.Select(p => p.Title).Append(_messages.Get("menu.more.sms", locale)).ToList();
        for (var i = 0; i < titles.Count; i++)
        {
            text.Append('\n').Append(_messages.Get("menu.item.sms", locale, ("number", (i + 1).ToString(CultureInfo.InvariantCulture)), ("title", titles[i])));
        }

        return text.ToString();
    }

    /// <summary>The menu text for practices already in <see cref="MenuOrder"/>: numbered, under family headings, with minutes.</summary>
    public string MenuText(string locale, IReadOnlyList<Practice> menu)
    {
        ArgumentNullException.ThrowIfNull(menu);
        var text = new StringBuilder(_messages.Get("menu.intro", locale));
        PracticeFamily? family = null;
        for (var i = 0; i < menu.Count; i++)
        {
            var practice = menu[i];
            if (practice.Family != family)
            {
                family = practice.Family;
                text.Append('\n').Append(_messages.Get("menu.family." + PracticeFamilies.Key(practice.Family), locale));
            }

            text.Append('\n').Append(_messages.Get(
                "menu.item",
                locale,
                ("number", (i + 1).ToString(CultureInfo.InvariantCulture)),
                ("title", practice.Title),
                ("minutes", practice.Minutes.ToString(CultureInfo.InvariantCulture))));
        }

        return text.ToString();
    }

    private async Task<DialogTurnResult> ChoosePracticeAsync(WaterfallStepContext<MainDialogState> step, CancellationToken cancellationToken)
    {
        if (step.Values.PracticeId is { } chosen)
        {
            return await step.NextAsync(chosen, cancellationToken).ConfigureAwait(false);
        }

        var locale = step.Context.Locale;
        var ranked = Ranked(step.Context);
        var menu = MenuOrder(ranked);
        string text;
        List<Choice> choices;
        List<Practice> unlisted = [];
        if (ChannelKinds.IsSms(step.Context.Activity.ChannelId) && !step.Values.AllPractices && menu.Count > SmsMenuSize)
        {
            menu = SmsMenu(ranked);
            text = SmsMenuText(locale, menu);
            var more = _messages.Get("menu.more.sms.words", locale).Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            choices = [.. menu.Select(p => new Choice(p.Title, [p.Id])), new Choice(_messages.Get("menu.more.sms", locale), more)];
            unlisted = [.. ranked.Except(menu)];
            step.Values = step.Values with { OfferedIds = [.. menu.Select(p => p.Id), MoreMarker, .. unlisted.Select(p => p.Id)] };
        }
        else
        {
            text = MenuText(locale, menu);
            choices = [.. menu.Select(p => new Choice(p.Title, [p.Id]))];
            step.Values = step.Values with { OfferedIds = [.. menu.Select(p => p.Id)] };
        }

        var options = new PromptOptions
        {
            Prompt = Activity.CreateMessage(text) with { Locale = locale },
            RetryPrompt = Message(step.Context, "choice.retry"),
            Choices = choices,
            UnlistedChoices = unlisted.Count == 0 ? null : [.. unlisted.Select(p => new Choice(p.Title, [p.Id]))],
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

        if (practiceId == MoreMarker)
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
