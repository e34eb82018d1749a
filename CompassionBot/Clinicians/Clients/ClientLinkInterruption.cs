using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Conversation;

namespace CompassionBot.Clinicians.Clients;

/// <summary>
/// <c>link CODE</c> / <c>vincular CODE</c> on any channel starts <see cref="ClientLinkDialog"/>, which asks the person
/// whether to share their practice history; <c>unlink</c> / <c>desvincular</c> stops sharing at once. Runs after the
/// safety gate, like every interruption.
/// </summary>
/// <remarks>Codes are tried no more often than <see cref="LinkAttemptLimiter"/> allows, whether right or wrong.</remarks>
internal sealed class ClientLinkInterruption(ClientLinkStore links, LinkAttemptLimiter attempts, ILogger<ClientLinkInterruption> logger) : IInterruptionHandler
{
    public async Task<bool> TryHandleAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Context.Activity;
        if (ClientLinkCommand.Recognize(activity.Text) is not { } command
            || activity.ChannelId is not { Length: > 0 } channelId
            || activity.From?.Id is not { Length: > 0 } userId)
        {
            return false;
        }

        // Unlinking, counting a try and redeeming a code are done once: this run of the turn is the one that commits.
        await turn.Context.HoldConversationAsync(cancellationToken).ConfigureAwait(false);
        if (command.Unlink)
        {
            var clientId = await links.UnlinkAsync(channelId, userId, cancellationToken).ConfigureAwait(false);
            if (clientId is not null)
            {
                Log.ClientUnlinked(logger, clientId, channelId);
            }

            await turn.SayAsync(clientId is null ? "clients.unlink.none" : "clients.unlink.done", cancellationToken).ConfigureAwait(false);
            await turn.Dialogs.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (attempts.TryAttempt(channelId, userId) is var attempt and not LinkAttempt.Allowed)
        {
            Log.LinkAttemptsExceeded(logger, channelId);
            await turn.SayAsync(attempt == LinkAttempt.TooManyFromPerson ? "clients.link.too-many" : "clients.link.busy", cancellationToken).ConfigureAwait(false);
            await turn.Dialogs.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (command.CodeHash is null || !await links.IsRedeemableAsync(command.CodeHash, cancellationToken).ConfigureAwait(false))
        {
            Log.LinkCodeRefused(logger, channelId);
            await turn.SayAsync("clients.link.invalid", cancellationToken).ConfigureAwait(false);
            await turn.Dialogs.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }

        await turn.Dialogs.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        await turn.Dialogs.BeginDialogAsync(nameof(ClientLinkDialog), new ClientLinkState(command.CodeHash), cancellationToken).ConfigureAwait(false);
        return true;
    }
}
