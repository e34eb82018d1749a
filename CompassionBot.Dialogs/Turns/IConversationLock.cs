namespace CompassionBot.Dialogs.Turns;

/// <summary>
/// Lets one turn at a time run per conversation across instances that share a database (for example an advisory lock
/// in PostgreSQL). <see cref="ConversationGate"/> takes it after its own in-process gate, so each instance holds at
/// most one cross-instance lock per conversation. Without one, the state store's ETag check is the only guard across
/// instances.
/// </summary>
public interface IConversationLock
{
    /// <summary>Waits until no other instance runs a turn of <paramref name="conversationKey"/>; dispose to release.</summary>
    Task<IConversationLease> AcquireAsync(string conversationKey, CancellationToken cancellationToken);
}
