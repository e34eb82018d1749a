using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Engine;
using CompassionBot.Dialogs.Engine.Prompts;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Dialogs.Practices;

// The questions the practice asks around its steps, worded in the turn's language: when they are first asked, and
// again for a person who switched language while one waits.
public sealed partial class PracticeDialog
{
    // The steps (in the order the constructor adds them) that wait on a question of their own.
    private const int AskBeforeStep = 0;
    private const int OfferGroundingStep = 1;
    private const int AskAfterStep = 3;
    private const int OfferSoothingStep = 4;
    private const int AskHowItFeltStep = 5;

    private static readonly string[] FeelKeys = ["feel.helpful", "feel.neutral", "feel.notforme"];

    /// <inheritdoc />
    public override void RewordChild(DialogContext dc, DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (dc.ActiveDialog is not { HasState: true } child || OptionsAt(dc.Context, ReadStepIndex(instance), ReadValues(instance).PracticeId) is not { } options)
        {
            return;
        }

        switch (dc.FindDialog(child.Id))
        {
            case RatingPrompt rating:
                rating.SetOptions(child, options);
                break;
            case ChoicePrompt choice:
                choice.SetOptions(child, options);
                break;
        }
    }

    private PromptOptions? OptionsAt(ITurnContext context, int stepIndex, string practiceId) => stepIndex switch
    {
        AskBeforeStep => RatingOptions(context, "rating.before"),
        AskAfterStep => RatingOptions(context, "rating.after"),
        OfferGroundingStep when SoothingAlternative(context, practiceId) is { } soothing => SoothingOptions(context, "rating.high.before", soothing, "practice.keepgoing"),
        OfferSoothingStep when SoothingAlternative(context, practiceId) is { } soothing => SoothingOptions(context, "rating.high.after", soothing, "practice.nothanks"),
        AskHowItFeltStep => FeelOptions(context),
        _ => null,
    };

    private PromptOptions RatingOptions(ITurnContext context, string key) =>
        new() { Prompt = Message(context, key), RetryPrompt = Message(context, "rating.retry"), MaxAttempts = 2 };

    // The line first, then a choice: the soothing practice, or the other way on (keep going, or no thanks).
    private PromptOptions SoothingOptions(ITurnContext context, string key, Practice soothing, string declineKey) => new()
    {
        Prompt = Activity.CreateMessage(_messages.Get(key, context.Locale, ("crisisLine", CrisisLine.Text(_messages, context, _clinic.Region)))) with { Locale = context.Locale },
        RetryPrompt = Message(context, "choice.retry"),
        Choices = [new Choice(soothing.Title), new Choice(_messages.Get(declineKey, context.Locale))],
        MaxAttempts = 1,
    };

    // "How did that feel?": each button also understood by its words ("Útil" for "Me ayudó") and by its label in the
    // other language.
    private PromptOptions FeelOptions(ITurnContext context) => new()
    {
        Prompt = Message(context, "feel.ask"),
        RetryPrompt = Message(context, "choice.retry"),
        Choices = [.. FeelKeys.Select(key => FeelChoice(context.Locale, key))],
        MaxAttempts = 2,
    };

    private Choice FeelChoice(string locale, string key)
    {
        var words = _messages.Get(key + ".words", locale).Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var labels = SupportedLocales.All.Where(l => l != SupportedLocales.Match(locale)).Select(l => _messages.Get(key, l));
        return new Choice(_messages.Get(key, locale), [.. words, .. labels]);
    }

    // The shortest body-and-breath practice other than this one.
    private Practice? SoothingAlternative(ITurnContext context, string practiceId) =>
        _catalog.All(context.Locale)
            .Where(p => p.Family == PracticeFamily.Somatic && p.Id != practiceId)
            .OrderBy(p => p.Minutes)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .FirstOrDefault();

    private Activity Message(ITurnContext context, string key) => Activity.CreateMessage(_messages.Get(key, context.Locale)) with { Locale = context.Locale };
}
