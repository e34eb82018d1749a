using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Engine;
using CompassionBot.Dialogs.Engine.Prompts;
using CompassionBot.Dialogs.Intents;

namespace CompassionBot.Dialogs.Conversation;

// What an answer that picked no option means, and what follows it.
public sealed partial class MainDialog
{
    private async Task<DialogTurnResult> ListenAsync(WaterfallStepContext<MainDialogState> step, CancellationToken cancellationToken)
    {
        // Built in this turn's language: the person may have switched since the choices were shown.
        var shown = Build(step.Context, step.Values);
        step.Values = step.Values with { OfferedIds = shown.OfferedIds };
        var message = BotTurn.Of(step.Context).Message;
        var values = step.Values;
        if (values.AnswerFirst && message is not null && ChoiceRecognizer.Recognize(message.Text, [], [.. shown.Choices, .. shown.Unlisted ?? []]) is { } named)
        {
            // A practice named before any menu was shown (a number means nothing yet).
            return await GoToAsync(step, shown.OfferedIds[named.Index], cancellationToken).ConfigureAwait(false);
        }

        var recognition = message is null
            ? IntentRecognition.Nothing
            : await _intents.RecognizeAsync(message, values.AnswerFirst ? null : new OfferedChoices(shown.Choices, shown.Unlisted), cancellationToken).ConfigureAwait(false);
        var offersPractices = values.Showing is MainDialogShowing.Menu or MainDialogShowing.Suggestion or MainDialogShowing.Alternatives;
        switch (recognition.Intent)
        {
            case Intent.Choose when recognition.Choice is { } choice:
                return await GoToAsync(step, shown.OfferedIds[choice.Index], cancellationToken).ConfigureAwait(false);
            case Intent.Yes when offersPractices:
                return await GoToAsync(step, shown.OfferedIds[0], cancellationToken).ConfigureAwait(false);
            case Intent.No or Intent.Decline or Intent.Stop or Intent.Pause:
                return await DeclinedAsync(step, cancellationToken).ConfigureAwait(false);
            case Intent.NotHelping when values.Showing is MainDialogShowing.Alternatives or MainDialogShowing.Suggestion:
                return await RejectedAsync(step, values, atOffer: true, cancellationToken).ConfigureAwait(false);
            case Intent.NotHelping:
                return await DeclinedAsync(step, cancellationToken).ConfigureAwait(false);
            case Intent.Menu:
                return await GoToAsync(step, PracticeMenu.MoreId, cancellationToken).ConfigureAwait(false);
            case Intent.Feeling when values.Showing != MainDialogShowing.Obstacles:
                return await ReflectAsync(step, _feelings.Read(message!.Text), cancellationToken).ConfigureAwait(false);
            case Intent.Greeting:
                await SayAsync(step.Context, "greeting.reply", cancellationToken).ConfigureAwait(false);
                return await AskAgainAsync(step, cancellationToken).ConfigureAwait(false);
            case Intent.Thanks:
                await SayAsync(step.Context, "thanks.reply", cancellationToken).ConfigureAwait(false);
                return await AskAgainAsync(step, cancellationToken).ConfigureAwait(false);
            default:
                return await MissedAsync(step, cancellationToken).ConfigureAwait(false);
        }
    }

    // No to the menu ends kindly; no to a suggestion shows the menu; no to alternatives or to one more is stopping for
    // today; no to the question of what gets in the way is fine too (nothing is recorded).
    private async Task<DialogTurnResult> DeclinedAsync(WaterfallStepContext<MainDialogState> step, CancellationToken cancellationToken)
    {
        var values = step.Values;
        return values.Showing switch
        {
            MainDialogShowing.Menu when values.AnswerFirst => await ShowAsync(step, values, cancellationToken).ConfigureAwait(false),
            MainDialogShowing.Menu => await EndWithAsync(step, "menu.declined", cancellationToken).ConfigureAwait(false),
            MainDialogShowing.Suggestion => await GoToAsync(step, PracticeMenu.MoreId, cancellationToken).ConfigureAwait(false),
            MainDialogShowing.Obstacles => await ShowAsync(step, values with { Showing = MainDialogShowing.StopOrMore, AskKey = null, Misses = 0 }, cancellationToken).ConfigureAwait(false),
            _ => await GoToAsync(step, StopTodayId, cancellationToken).ConfigureAwait(false),
        };
    }

    // After a greeting or thanks: the choices again under a short question (the menu itself, when it was never shown).
    private Task<DialogTurnResult> AskAgainAsync(WaterfallStepContext<MainDialogState> step, CancellationToken cancellationToken)
    {
        var values = step.Values;
        var key = values.AnswerFirst || values.Showing != MainDialogShowing.Menu ? null : "menu.again";
        return ShowAsync(step, values with { AskKey = key, Misses = 0 }, cancellationToken);
    }

    // Not understood: the choices again under a kinder question, worded differently each time; never the end.
    private Task<DialogTurnResult> MissedAsync(WaterfallStepContext<MainDialogState> step, CancellationToken cancellationToken)
    {
        var values = step.Values;
        if (values.AnswerFirst)
        {
            return ShowAsync(step, values, cancellationToken);
        }

        var misses = values.Misses + 1;
        return ShowAsync(step, values with { Misses = misses, AskKey = misses % 2 == 1 ? "choice.retry.kind" : "choice.retry.again" }, cancellationToken);
    }

    // A feeling: a short reflection, then one practice that suits it (and the others).
    private async Task<DialogTurnResult> ReflectAsync(WaterfallStepContext<MainDialogState> step, FeelingKind kind, CancellationToken cancellationToken)
    {
        await SayAsync(step.Context, "feeling.reflect." + FeelingKey(kind), cancellationToken).ConfigureAwait(false);
        return await ShowAsync(step, step.Values with { Showing = MainDialogShowing.Suggestion, Feeling = kind, AskKey = null, Misses = 0 }, cancellationToken).ConfigureAwait(false);
    }

    private static string FeelingKey(FeelingKind kind) => kind.ToString().ToLowerInvariant();
}
