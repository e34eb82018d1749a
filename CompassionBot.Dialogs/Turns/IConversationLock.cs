namespace CompassionBot.Dialogs.Turns;

/// <summary>
/// Lets one turn at a time commit per conversation across instances that share a database: by holding the conversation
/// for the whole turn (an advisory lock in PostgreSQL), or by letting only one of two racing turns commit (the other
/// gets a <see cref="State.StorageConcurrencyException"/> and runs again). <see cref="ConversationGate"/> takes it
/// after its own in-process gate, so each instance holds at most one lease per conversation. Without one, the state
/// store's ETag check is the only guard across instances.
/// </summary>
public interface IConversationLock
{
    /// <summary>
    /// The turn's lease on <paramref name="conversationKey"/>, once this instance may start it (an implementation that
    /// holds the conversation waits until no other instance does); dispose to release.
    /// </summary>
    Task<IConversationLease> AcquireAsync(string conversationKey, CancellationToken cancellationToken);
}
