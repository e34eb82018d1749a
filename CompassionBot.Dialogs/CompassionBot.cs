using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Conversation;
using CompassionBot.Dialogs.Engine;
using CompassionBot.Dialogs.Practices;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Dialogs;

/// <summary>
/// The bot. Before it, two turn middleware run in every turn: <see cref="BotTurnMiddleware"/> builds the turn's view
/// (<see cref="BotTurn"/>), then <see cref="SafetyGateMiddleware"/> screens every message with text, and every edit,
/// and ends the turn when the safety response handled it. What reaches the bot: a message goes to the interruptions
/// (help, menu, stop, language, a question about the bot, the words a person kept, channel keywords), then the dialog
/// stack (or, when none is running, the main dialog, which reads the message as an answer to its menu: a feeling, a
/// practice's name); people who join a conversation or install the app are welcomed, and a person the bot knows is
/// welcomed back with the name of their last practice.
/// </summary>
public sealed class CompassionBot : ITurnHandler
{
    private readonly IReadOnlyList<IInterruptionHandler> _interruptions;
    private readonly ClinicOptions _clinic;
    private readonly PracticeCatalog _catalog;

    /// <summary>Creates the bot.</summary>
    public CompassionBot(IEnumerable<IInterruptionHandler> interruptions, ClinicOptions clinic, PracticeCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(interruptions);
        ArgumentNullException.ThrowIfNull(clinic);
        ArgumentNullException.ThrowIfNull(catalog);
        _interruptions = [.. interruptions];
        _clinic = clinic;
        _catalog = catalog;
    }

    /// <inheritdoc />
    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var turn = BotTurn.Of(turnContext);
        return turnContext.Activity.Type switch
        {
            ActivityTypes.Message => OnMessageAsync(turn, cancellationToken),
            ActivityTypes.ConversationUpdate => OnConversationUpdateAsync(turn, cancellationToken),
            ActivityTypes.InstallationUpdate => OnInstallationUpdateAsync(turn, cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    private async Task OnMessageAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        foreach (var interruption in _interruptions)
        {
            if (await interruption.TryHandleAsync(turn, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }

        var result = await turn.Dialogs.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        if (result.Status == DialogTurnStatus.Empty)
        {
            await turn.Dialogs.BeginDialogAsync(nameof(MainDialog), MainDialogState.Answering, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task OnConversationUpdateAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        var activity = turn.Context.Activity;
        var joined = activity.MembersAdded?.Any(m => !string.Equals(m.Id, activity.Recipient?.Id, StringComparison.Ordinal)) ?? false;
        if (joined)
        {
            await WelcomeAsync(turn, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task OnInstallationUpdateAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Context.Activity.Action is "add" or "add-upgrade")
        {
            await WelcomeAsync(turn, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WelcomeAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        var crisisLine = ("crisisLine", CrisisLine.Text(turn.Messages, turn.Context, _clinic.Region));
        if (turn.Profile.History is [.., var last] && _catalog.TryGet(last.PracticeId, turn.Locale, out var practice))
        {
            await turn.SayAsync("welcome.back", cancellationToken, crisisLine, ("title", practice.Title)).ConfigureAwait(false);
        }
        else
        {
            await turn.SayAsync("welcome", cancellationToken, crisisLine).ConfigureAwait(false);
        }

        if (turn.Dialogs.ActiveDialog is null)
        {
            await turn.Dialogs.BeginDialogAsync(nameof(MainDialog), null, cancellationToken).ConfigureAwait(false);
        }
    }
}
