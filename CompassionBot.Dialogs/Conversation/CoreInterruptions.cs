using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Intents;
using CompassionBot.Dialogs.Practices;
using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Dialogs.Conversation;

/// <summary>
/// Help, menu, stop, pause, language switches and the words a person kept, on every channel. Stop and pause in the
/// middle of a practice's steps keep where it stopped in the profile, to be offered again (<see cref="MainDialog"/>).
/// </summary>
public sealed class CoreInterruptions : IInterruptionHandler
{
    private readonly ClinicOptions _clinic;
    private readonly InterruptionRecognizer _recognizer;
    private readonly PracticeCatalog _catalog;

    /// <summary>Creates the handler.</summary>
    public CoreInterruptions(ClinicOptions clinic, InterruptionRecognizer recognizer, PracticeCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        ArgumentNullException.ThrowIfNull(recognizer);
        ArgumentNullException.ThrowIfNull(catalog);
        _clinic = clinic;
        _recognizer = recognizer;
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
                return false;
        }
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
