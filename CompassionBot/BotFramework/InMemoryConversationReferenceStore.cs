using System.Collections.Concurrent;

namespace CompassionBot.BotFramework;

/// <summary>Process-local <see cref="IConversationReferenceStore"/> for <c>Storage:Provider=Memory</c>.</summary>
public sealed class InMemoryConversationReferenceStore : IConversationReferenceStore
{
    private readonly ConcurrentDictionary<(string ChannelId, string ConversationId), StoredConversationReference> _references = new();

    public Task SaveAsync(StoredConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var key = Key(reference);
        _references.AddOrUpdate(key, reference, (_, existing) => reference with { LastDelivery = existing.LastDelivery });
        return Task.CompletedTask;
    }

    public Task<StoredConversationReference?> GetAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(_references.TryGetValue((channelId, conversationId), out var stored) ? stored : null);

    public Task RecordDeliveryAsync(string channelId, string conversationId, ProactiveDelivery delivery, CancellationToken cancellationToken)
    {
        var key = (channelId, conversationId);
        if (_references.TryGetValue(key, out var stored))
        {
            _references.TryUpdate(key, stored with { LastDelivery = delivery }, stored);
        }

        return Task.CompletedTask;
    }

    /// <summary>Number of stored references (tests).</summary>
    public int Count => _references.Count;

    private static (string, string) Key(StoredConversationReference reference) =>
        (reference.Reference.ChannelId ?? throw new ArgumentException("The reference has no channelId.", nameof(reference)),
         reference.Reference.Conversation?.Id ?? throw new ArgumentException("The reference has no conversation.id.", nameof(reference)));
}
