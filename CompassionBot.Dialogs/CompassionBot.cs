using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Conversation;
using CompassionBot.Dialogs.Engine;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;
using CompassionBot.Dialogs.Understanding;
using Microsoft.Extensions.Options;

namespace CompassionBot.Dialogs;

/// <summary>
/// The bot. One turn = safety gate (every message with text, before anything else) → interruptions (help, menu,
/// stop, language, channel keywords) → the dialog stack (or the main dialog when none is running). An edited message
/// is screened too, and answered only when the gate responds.
/// Welcomes people who join a conversation or install the app.
/// </summary>
public sealed class CompassionBot : ITurnHandler
{
    private readonly DialogSet _dialogs;
    private readonly ISafetyGate _safetyGate;
    private readonly IReadOnlyList<IInterruptionHandler> _interruptions;
    private readonly MessageCatalog _messages;
    private readonly string _defaultLocale;
    private readonly ClinicOptions _clinic;
    private readonly ISentenceEncoder _encoder;

    /// <summary>Creates the bot.</summary>
    public CompassionBot(DialogSet dialogs, ISafetyGate safetyGate, IEnumerable<IInterruptionHandler> interruptions, MessageCatalog messages, IOptions<ContentOptions> content, ClinicOptions clinic, ISentenceEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(safetyGate);
        ArgumentNullException.ThrowIfNull(interruptions);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(clinic);
        _dialogs = dialogs;
        _safetyGate = safetyGate;
        _interruptions = [.. interruptions];
        _messages = messages;
        _defaultLocale = content.Value.DefaultLocale;
        _clinic = clinic;
        _encoder = encoder;
    }

    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var dialogState = BotStateAccessors.Dialogs.Get(turnContext, () => new DialogState());
        var text = turnContext.Activity.Text;
        var turn = new BotTurn(turnContext, _dialogs.CreateContext(turnContext, dialogState), _messages)
        {
            Message = string.IsNullOrWhiteSpace(text) ? null : new MessageUnderstanding(text, _encoder),
        };
        turn.Locale = ConversationLocale.Resolve(turnContext.Activity, turn.Profile, _defaultLocale);
        try
        {
            await (turnContext.Activity.Type switch
            {
                ActivityTypes.Message => OnMessageAsync(turn, cancellationToken),
                ActivityTypes.MessageUpdate => OnMessageUpdateAsync(turn, cancellationToken),
                ActivityTypes.ConversationUpdate => OnConversationUpdateAsync(turn, cancellationToken),
                ActivityTypes.InstallationUpdate => OnInstallationUpdateAsync(turn, cancellationToken),
                _ => Task.CompletedTask,
            }).ConfigureAwait(false);
        }
        finally
        {
            BotStateAccessors.Dialogs.Set(turnContext, dialogState);
        }
    }

    private async Task OnMessageAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(turn.Context.Activity.Text))
        {
            if (await _safetyGate.ScreenAsync(turn, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
        else
        {
            turn.Context.Safety = SafetyAssessment.Safe;
        }

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
            await turn.Dialogs.BeginDialogAsync(nameof(MainDialog), null, cancellationToken).ConfigureAwait(false);
        }
    }

    // An edited message is screened like a new one (someone may add what they could not say at first); otherwise it
    // changes nothing: the conversation has moved on from the message that was edited.
    private async Task OnMessageUpdateAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(turn.Context.Activity.Text))
        {
            await _safetyGate.ScreenEditAsync(turn, cancellationToken).ConfigureAwait(false);
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
        await turn.SayAsync("welcome", cancellationToken, ("crisisLine", CrisisLine.Text(turn.Messages, turn.Context, _clinic.Region))).ConfigureAwait(false);
        if (turn.Dialogs.ActiveDialog is null)
        {
            await turn.Dialogs.BeginDialogAsync(nameof(MainDialog), null, cancellationToken).ConfigureAwait(false);
        }
    }
}
