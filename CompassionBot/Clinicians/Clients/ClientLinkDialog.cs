using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Engine;
using CompassionBot.Dialogs.Engine.Prompts;
using CompassionBot.Dialogs.Schema;

namespace CompassionBot.Clinicians.Clients;

/// <summary>
/// Asks, in the person's language, whether to share their practice history with their clinician: yes uses the link
/// code and links this channel user to the client record; no (or no answer) shares nothing and leaves the code unused.
/// Begin options: a <see cref="ClientLinkState"/>.
/// </summary>
internal sealed class ClientLinkDialog : WaterfallDialog<ClientLinkState>
{
    private readonly MessageCatalog _messages;
    private readonly ClientLinkStore _links;
    private readonly ILogger<ClientLinkDialog> _logger;

    public ClientLinkDialog(MessageCatalog messages, ClientLinkStore links, ILogger<ClientLinkDialog> logger)
        : base(nameof(ClientLinkDialog), ClientsJsonContext.Default.ClientLinkState, options => (ClientLinkState)options!)
    {
        _messages = messages;
        _links = links;
        _logger = logger;
        AddStep(AskToShareAsync);
        AddStep(LinkOrLeaveAsync);
    }

    private Task<DialogTurnResult> AskToShareAsync(WaterfallStepContext<ClientLinkState> step, CancellationToken cancellationToken)
    {
        var locale = step.Context.Locale;
        var options = new PromptOptions
        {
            Prompt = Activity.CreateMessage(_messages.Get("clients.link.ask", locale)) with { Locale = locale },
            RetryPrompt = Activity.CreateMessage(_messages.Get("choice.retry", locale)) with { Locale = locale },
            Choices = [new Choice(_messages.Get("clients.link.yes", locale)), new Choice(_messages.Get("clients.link.no", locale))],
            MaxAttempts = 2,
        };
        return step.PromptAsync(nameof(ConfirmPrompt), options, cancellationToken);
    }

    private async Task<DialogTurnResult> LinkOrLeaveAsync(WaterfallStepContext<ClientLinkState> step, CancellationToken cancellationToken)
    {
        var activity = step.Context.Activity;
        var key = "clients.link.declined";
        if (step.Result is PromptResult<bool> { Succeeded: true, Value: true })
        {
            var channelId = activity.ChannelId!;
            await step.Context.HoldConversationAsync(cancellationToken).ConfigureAwait(false);
            var clientId = await _links.RedeemAsync(step.Values.CodeHash, channelId, activity.From!.Id!, cancellationToken).ConfigureAwait(false);
            if (clientId is not null)
            {
                Log.ClientLinked(_logger, clientId, channelId);
            }

            key = clientId is null ? "clients.link.invalid" : "clients.link.done";
        }

        await step.Context.SayAsync(_messages, key, cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
