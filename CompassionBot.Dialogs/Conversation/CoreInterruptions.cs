using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Intents;
using CompassionBot.Dialogs.Practices;
using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Dialogs.Conversation;

/// <summary>
/// Help, menu, stop, pause, language switches, questions about the bot ("are you a real person?") and the words a
/// person kept, on every channel. Stop and pause in the middle of a practice's steps keep where it stopped in the
/// profile, to be offered again (<see cref="MainDialog"/>).
/// </summary>
public sealed class CoreInterruptions : IInterruptionHandler
{
    private readonly ClinicOptions _clinic;
    private readonly InterruptionRecognizer _recognizer;
    private readonly IntentRecognizer _intents;
    private readonly IRoutineReplies _routine;
    private readonly PracticeCatalog _catalog;

    /// <summary>Creates the handler.</summary>
    public CoreInterruptions(ClinicOptions clinic, InterruptionRecognizer recognizer, IntentRecognizer intents, IRoutineReplies routine, PracticeCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        ArgumentNullException.ThrowIfNull(recognizer);
        ArgumentNullException.ThrowIfNull(intents);
        ArgumentNullException.ThrowIfNull(routine);
        ArgumentNullException.ThrowIfNull(catalog);
        _routine = routine;
        _clinic = clinic;
        _recognizer = recognizer;
        _intents = intents;
        _catalog = catalog;
    }

    /// <inheritdoc />
    public async Task<bool> TryHandleAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        switch (_recognizer.Recognize(turn.Context.Activity.Text))
        {
            case Interruption.Help:
                await turn.SayAsync("help", cancellationToken, ("clinicContact", PhoneLinks.For(turn.Context, _clinic.ContactText(turn))), ("crisisLine", CrisisLine.Text(turn.Messages, turn.Context, _clinic.Region))).ConfigureAwait(false);
                await turn.Dialogs.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
                return true;
            case Interruption.Menu:
                await turn.Dialogs.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                await turn.Dialogs.BeginDialogAsync(nameof(MainDialog), null, cancellationToken).ConfigureAwait(false);
                return true;
            case Interruption.Stop:
                return await EndForNowAsync(turn, "practice.stopped", cancellationToken).ConfigureAwait(false);
            case Interruption.Pause:
                return await EndForNowAsync(turn, "practice.paused", cancellationToken).ConfigureAwait(false);
            case Interruption.ShowPhrase:
                return await KeptWords.ShowAsync(turn, KeepKind.Phrase, cancellationToken).ConfigureAwait(false);
            case Interruption.ShowLetter:
                return await KeptWords.ShowAsync(turn, KeepKind.Letter, cancellationToken).ConfigureAwait(false);
            case Interruption.DeletePhrase:
                return await KeptWords.DeleteAsync(turn, KeepKind.Phrase, cancellationToken).ConfigureAwait(false);
            case Interruption.DeleteLetter:
                return await KeptWords.DeleteAsync(turn, KeepKind.Letter, cancellationToken).ConfigureAwait(false);
            case Interruption.English:
                return await SwitchLanguageAsync(turn, SupportedLocales.English, cancellationToken).ConfigureAwait(false);
            case Interruption.Spanish:
                return await SwitchLanguageAsync(turn, SupportedLocales.Spanish, cancellationToken).ConfigureAwait(false);
            default:
                return await AnswerAboutTheBotAsync(turn, cancellationToken).ConfigureAwait(false);
        }
    }

    // A plain statement of what the bot is and how to reach a person, then the question the person was asked again.
    private async Task<bool> AnswerAboutTheBotAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        // A routine reply (a number, an option's words, a keyword) is no question: it costs no sentence embedding, as
        // the crisis screen spares it one too.
        if (turn.Message is not { } message
            || _routine.IsRoutine(message.Canonical)
            || (await _intents.RecognizeAsync(message, cancellationToken).ConfigureAwait(false)).Intent != Intent.AboutBot)
        {
            return false;
        }

        await turn.SayAsync("about.bot", cancellationToken, ("clinicContact", PhoneLinks.For(turn.Context, _clinic.ContactText(turn))), ("crisisLine", CrisisLine.Text(turn.Messages, turn.Context, _clinic.Region))).ConfigureAwait(false);
        await turn.Dialogs.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    // A practice stopped in its steps is kept to resume ("{key}.saved" names it); otherwise there is nothing to keep.
    private async Task<bool> EndForNowAsync(BotTurn turn, string key, CancellationToken cancellationToken)
    {
        var paused = PracticeDialog.WhereStopped(turn.Dialogs);
        await turn.Dialogs.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        if (paused is not null && _catalog.TryGet(paused.PracticeId, turn.Locale, out var practice))
        {
            turn.Profile = turn.Profile with { Paused = paused };
            await turn.SayAsync(key + ".saved", cancellationToken, ("title", practice.Title)).ConfigureAwait(false);
            return true;
        }

        await turn.SayAsync(key, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task<bool> SwitchLanguageAsync(BotTurn turn, string locale, CancellationToken cancellationToken)
    {
        turn.Profile = turn.Profile with { Locale = locale };
        turn.Locale = locale;
        await turn.SayAsync("language.switched", cancellationToken).ConfigureAwait(false);
        await turn.Dialogs.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
