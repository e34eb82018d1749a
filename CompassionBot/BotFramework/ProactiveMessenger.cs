using CompassionBot.Dialogs.Schema;
using Polly.CircuitBreaker;

namespace CompassionBot.BotFramework;

/// <summary>
/// Sends a message to a stored conversation (check-ins, reminders) through the Connector with the bot's token, and
/// records whether it was delivered. Only serviceUrls stored from authenticated turns receive the token.
/// </summary>
public sealed partial class ProactiveMessenger(
    ConnectorClient connector,
    IConversationReferenceStore store,
    ServiceUrlTrustList trust,
    TimeProvider timeProvider,
    ILogger<ProactiveMessenger> logger)
{
    /// <summary>Sends <paramref name="activity"/> to the conversation of <paramref name="reference"/>.</summary>
    public async Task<ProactiveDelivery> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(activity);
        var channelId = reference.ChannelId ?? throw new ArgumentException("The reference has no channelId.", nameof(reference));
        var conversationId = reference.Conversation?.Id ?? throw new ArgumentException("The reference has no conversation.id.", nameof(reference));
        var serviceUrl = reference.ServiceUrl ?? throw new ArgumentException("The reference has no serviceUrl.", nameof(reference));

        var stored = await store.GetAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false);
        if (stored is { ServiceUrlVerified: true } &&
            string.Equals(ServiceUrlTrustList.Normalize(stored.Reference.ServiceUrl ?? string.Empty), ServiceUrlTrustList.Normalize(serviceUrl), StringComparison.Ordinal))
        {
            trust.Trust(serviceUrl);
        }

        var outgoing = activity with
        {
            ChannelId = channelId,
            From = reference.Bot,
            Recipient = reference.User,
            Conversation = new ConversationAccount { Id = conversationId, TenantId = reference.Conversation.TenantId },
            Locale = activity.Locale ?? reference.Locale,
            ReplyToId = null,
        };

        ProactiveDelivery delivery;
        try
        {
            var response = await connector.SendToConversationAsync(serviceUrl, outgoing, cancellationToken).ConfigureAwait(false);
            delivery = new ProactiveDelivery(true, response.Id, null, timeProvider.GetUtcNow());
            Log.ProactiveDelivered(logger, channelId, conversationId);
        }
        catch (Exception exception) when (exception is ConnectorException or HttpRequestException or BrokenCircuitException or TimeoutException or Polly.Timeout.TimeoutRejectedException)
        {
            delivery = new ProactiveDelivery(false, null, (exception as ConnectorException)?.StatusCode, timeProvider.GetUtcNow());
            Log.ProactiveFailed(logger, exception, channelId, conversationId);
        }

        await store.RecordDeliveryAsync(channelId, conversationId, delivery, cancellationToken).ConfigureAwait(false);
        return delivery;
    }
}
