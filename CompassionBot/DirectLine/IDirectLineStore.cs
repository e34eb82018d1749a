using CompassionBot.Dialogs.Schema;

namespace CompassionBot.DirectLine;

/// <summary>
/// Durable Direct Line conversations and their activity logs. A log position is a watermark: 1, 2, 3, ... per
/// conversation, so a client that reconnects with its last watermark receives exactly what it missed.
/// </summary>
public interface IDirectLineStore
{
    /// <summary>Creates <paramref name="conversation"/> (its id is new and unique).</summary>
    Task CreateConversationAsync(DirectLineConversation conversation, CancellationToken cancellationToken);

    /// <summary>The conversation, or null when it does not exist.</summary>
    Task<DirectLineConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Marks the conversation started; true only for the call that started it.</summary>
    Task<bool> MarkStartedAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Appends <paramref name="activities"/> in order, giving each the next watermark and the id
    /// <c>{conversationId}|{watermark:D7}</c>; returns them as stored.
    /// </summary>
    Task<IReadOnlyList<StoredActivity>> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    /// <summary>
    /// Appends the client's <paramref name="activity"/> as <see cref="AppendAsync"/> does, unless the conversation's log
    /// already holds the one the client posted with the same <paramref name="clientActivityId"/> (a retried post).
    /// Returns the stored activity, new or earlier, and whether it was appended now.
    /// </summary>
    Task<(StoredActivity Stored, bool Appended)> AppendFromClientAsync(
        string conversationId, Activity activity, string clientActivityId, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="maxCount"/> activities after <paramref name="afterWatermark"/>, oldest first.</summary>
    Task<IReadOnlyList<StoredActivity>> ReadAsync(string conversationId, long afterWatermark, int maxCount, CancellationToken cancellationToken);
}
