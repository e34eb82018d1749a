using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Storage.Postgres;

/// <summary>
/// One turn at a time per conversation across the instances on the PostgreSQL database, lock-free on a turn's first
/// try: its state read and its state write go out as single statements, multiplexed with other turns' over a few
/// shared connections, and the write commits only if no other instance holds the conversation's lock and every ETag
/// still matches. A turn that lost (<see cref="Dialogs.State.StorageConcurrencyException"/>) runs again holding the
/// lock (<see cref="PostgresConversationLock"/>) from its read to its commit, so it cannot lose again to a first try.
/// </summary>
/// <remarks>
/// <para>
/// Holding a conversation's lock for a whole turn costs each turn a transaction on a connection of its own, open while
/// the turn runs. Turns of one conversation on two instances at the same moment are rare (a channel's redelivery, a
/// person on two devices), so most turns never need it: on this instance the <see cref="ConversationGate"/> already
/// lets one turn at a time in, and across instances the ETags and the lock's guard on the write let exactly one of
/// two racing turns commit. What the loser did to its state is thrown away before any reply goes out (replies are
/// delivered after the commit). Its writes elsewhere are either keyed by its activity (crisis events) or made only
/// after the turn holds its conversation (<see cref="ITurnContext.HoldConversationAsync"/>: SMS opt-outs and opt-ins,
/// client links, check-in changes), so a turn run again does not repeat them.
/// </para>
/// <para>
/// A first try never waits for a lock, so one turn held up on another instance cannot hold up the other turns whose
/// statements share its connection.
/// </para>
/// </remarks>
internal sealed class PostgresOptimisticConversationLock : IConversationLock
{
    private readonly PostgresDatabase _database;
    private readonly PostgresConversationLock _lock;
    private readonly TimeProvider _timeProvider;
    private readonly ETagSource _etagSource = new();

    /// <param name="database">The database, whose <see cref="PostgresDatabase.StatementDataSource"/> first tries use.</param>
    /// <param name="conversationLock">The lock a turn holds when it runs again after losing.</param>
    /// <param name="timeProvider">The clock for <c>updated_at</c>.</param>
    public PostgresOptimisticConversationLock(PostgresDatabase database, PostgresConversationLock conversationLock, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(conversationLock);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _database = database;
        _lock = conversationLock;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    /// <remarks>Waits for nothing and sends nothing: the lease's first read goes out as a statement of its own.</remarks>
    public Task<IConversationLease> AcquireAsync(string conversationKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        return Task.FromResult<IConversationLease>(new PostgresOptimisticTurn(_database, _lock, conversationKey, _etagSource, _timeProvider));
    }
}
