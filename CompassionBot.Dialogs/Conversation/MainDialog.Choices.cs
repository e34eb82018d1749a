using System.Globalization;
using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Engine.Prompts;
using CompassionBot.Dialogs.Practices;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Dialogs.Conversation;

// The choices of each showing, built from the state in the turn's language (so they can be built again when the
// person switches language while they wait).
public sealed partial class MainDialog
{
    /// <summary>The rejection in a row after which the person is asked what gets in the way.</summary>
    public const int ObstacleQuestionAt = 2;

    /// <summary>The offered id of stopping for today.</summary>
    public const string StopTodayId = "#stop-today";

    /// <summary>The offered id of one more practice, from the alternatives.</summary>
    public const string MoreAlternativesId = "#alternatives";

    private static readonly (Obstacle Obstacle, string Id, string Key)[] Obstacles =
    [
        (Obstacle.TooLong, "#obstacle-too-long", "obstacle.toolong"),
        (Obstacle.NotInTheMood, "#obstacle-mood", "obstacle.mood"),
        (Obstacle.WrongKind, "#obstacle-kind", "obstacle.kind"),
        (Obstacle.SomethingElse, "#obstacle-else", "obstacle.else"),
    ];

    private static Obstacle? ObstacleOf(string id) => Obstacles.Where(o => o.Id == id).Select(o => (Obstacle?)o.Obstacle).FirstOrDefault();

    private MenuPrompt Build(ITurnContext context, MainDialogState values)
    {
        var shown = values.Showing switch
        {
            MainDialogShowing.Suggestion => SuggestionOf(context, values),
            MainDialogShowing.Alternatives => AlternativesOf(context, values),
            MainDialogShowing.Obstacles => ObstaclesOf(context.Locale),
            MainDialogShowing.StopOrMore => StopOrMoreOf(context, values),
            _ => MenuOf(context, values),
        };
        return values.AskKey is { } key ? shown with { Text = _messages.Get(key, context.Locale), ChoicesInText = false } : shown;
    }

    private static PromptOptions OptionsOf(ITurnContext context, MenuPrompt shown) => new()
    {
        Prompt = Activity.CreateMessage(shown.Text) with { Locale = context.Locale },
        Choices = shown.Choices,
        UnlistedChoices = shown.Unlisted,
        ChoicesInText = shown.ChoicesInText,
        // Every answer comes back to the dialog, which reads what an answer that picked nothing means.
        MaxAttempts = 1,
    };

    // The short menu (with a paused practice to resume) or, after "more", the whole one; the channel's buttons are the
    // list where it shows them.
    private MenuPrompt MenuOf(ITurnContext context, MainDialogState values)
    {
        var locale = context.Locale;
        var profile = BotStateAccessors.Profile.Get(context, () => new UserProfile());
        var resume = profile.Paused is { } paused && _catalog.TryGet(paused.PracticeId, locale, out var practice) ? practice : null;
        var tried = profile.History.Select(h => h.Family).ToHashSet();
        return _menu.For(Ranked(context), new MenuRequest(locale, values.AllPractices, ChoiceRenderer.ShowsButtons(context.Activity, 1), tried, resume));
    }

    private MenuPrompt SuggestionOf(ITurnContext context, MainDialogState values)
    {
        var locale = context.Locale;
        var kind = values.Feeling ?? FeelingKind.Unnamed;
        var untried = Ranked(context).Where(p => !values.TriedThisSession.Contains(p.Id)).ToList();
        var practice = untried.FirstOrDefault(p => p.Family == FeelingReader.FamilyFor(kind)) ?? untried.FirstOrDefault() ?? Ranked(context)[0];
        var text = _messages.Get(kind == FeelingKind.Good ? "feeling.suggest.good" : "feeling.suggest", locale, ("title", practice.Title), ("minutes", Minutes(practice)));
        return new MenuPrompt(text, [new Choice(practice.Title, [practice.Id]), MoreChoice(locale, "feeling.other")], null, [practice.Id, PracticeMenu.MoreId], ChoicesInText: false);
    }

    private MenuPrompt AlternativesOf(ITurnContext context, MainDialogState values)
    {
        var locale = context.Locale;
        var all = _catalog.All(locale).Where(p => !values.TriedThisSession.Contains(p.Id)).ToList();
        var current = _catalog.Get(values.CurrentPracticeId!, locale);
        var alternatives = PracticeRecommender.Alternatives(all, BotStateAccessors.Profile.Get(context, () => new UserProfile()), current);
        var offer = _offer.For(alternatives, PracticeRecommender.Shorter(all, current, alternatives), locale, ChannelKinds.IsSms(context.Activity.ChannelId));
        // After the question of what gets in the way, the offer is worded differently and names stopping.
        return values.Rejections >= ObstacleQuestionAt ? offer with { Text = _messages.Get("nonresonance.offer.again", locale), ChoicesInText = false } : offer;
    }

    private MenuPrompt ObstaclesOf(string locale) =>
        new(_messages.Get("obstacle.ask", locale), [.. Obstacles.Select(o => new Choice(_messages.Get(o.Key, locale)))], null, [.. Obstacles.Select(o => o.Id)], ChoicesInText: false);

    private MenuPrompt StopOrMoreOf(ITurnContext context, MainDialogState values)
    {
        var locale = context.Locale;
        var stop = new Choice(_messages.Get("obstacle.stop", locale));
        var shortest = values.Obstacle == Obstacle.TooLong
            ? _catalog.All(locale).Where(p => !values.TriedThisSession.Contains(p.Id)).OrderBy(p => p.Minutes).ThenBy(p => p.Id, StringComparer.Ordinal).FirstOrDefault()
            : null;
        return shortest is null
            ? new MenuPrompt(_messages.Get("obstacle.reply", locale), [stop, new Choice(_messages.Get("obstacle.more", locale))], null, [StopTodayId, MoreAlternativesId], ChoicesInText: false)
            : new MenuPrompt(
                _messages.Get("obstacle.reply.toolong", locale),
                [stop, new Choice(_messages.Get("obstacle.shorter", locale), [shortest.Title])],
                null,
                [StopTodayId, shortest.Id],
                ChoicesInText: false);
    }

    private Choice MoreChoice(string locale, string key) =>
        new(_messages.Get(key, locale), _messages.Get("menu.more.sms.words", locale).Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    private static string Minutes(Practice practice) => practice.Minutes.ToString(CultureInfo.InvariantCulture);
}
