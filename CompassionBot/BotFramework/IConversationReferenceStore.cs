namespace CompassionBot.BotFramework;

/// <summary>Conversation references, keyed by channel and conversation id, for proactive messages.</summary>
public interface IConversationReferenceStore
{
    /// <summary>Adds or replaces the reference of its conversation.</summary>
    Task SaveAsync(StoredConversationReference reference, CancellationToken cancellationToken);

    /// <summary>The stored reference, or null.</summary>
    Task<StoredConversationReference?> GetAsync(string channelId, string conversationId, CancellationToken cancellationToken);
}
