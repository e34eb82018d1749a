using CompassionBot.Dialogs.State;
using CompassionBot.Dialogs.Turns;
using Npgsql;

namespace CompassionBot.Storage.Postgres;

/// <summary>
/// One turn's hold on its conversation across instances, and the storage of its state: a transaction-scoped advisory
/// lock on a pooled connection of its own, taken in the same round trip as the turn's state read, and released by the
/// COMMIT sent with the turn's state write. A turn costs two round trips: lock and read, write and commit. A turn runs
/// this way after its first try, without the lock, lost (<see cref="PostgresOptimisticTurn"/>).
/// </summary>
/// <remarks>
/// <para>
/// Nothing goes to the server until the turn reads its state. The lock is released when the state is committed, before
/// the turn's replies go out: another instance's next turn of the conversation may start while they are delivered
/// (its replies could overtake them); on this instance the <see cref="ConversationGate"/> still holds it back until
/// they are. A turn that writes nothing releases the lock when the lease is disposed.
/// </para>
/// <para>
/// A turn that reads again after committing (a retry after an ETag conflict, or the error handler's fresh state) takes
/// the lock again with that read. After a failed statement the next one is preceded by a ROLLBACK (a warning only when
/// no transaction is open), so the lease stays usable. A crashed instance's connection ends and the server drops its
/// lock, so a conversation is never left locked.
/// </para>
/// </remarks>
internal sealed class PostgresTurn : IConversationLease, IStorage
{
    private readonly NpgsqlConnection _connection;
    private readonly long _lockKey;
    private readonly ETagSource _etagSource;
    private readonly TimeProvider _timeProvider;
    private readonly Action _onDisposed;
    private Transaction _transaction;

    /// <summary>A lease on an open pooled connection, which it now owns.</summary>
    /// <param name="connection">The connection, open and idle.</param>
    /// <param name="lockKey">The conversation's advisory lock key.</param>
    /// <param name="etagSource">Where the ETags of written documents come from.</param>
    /// <param name="timeProvider">The clock for <c>updated_at</c>.</param>
    /// <param name="onDisposed">Runs once, after the connection went back to the pool.</param>
    public PostgresTurn(NpgsqlConnection connection, long lockKey, ETagSource etagSource, TimeProvider timeProvider, Action onDisposed)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(etagSource);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(onDisposed);
        _connection = connection;
        _lockKey = lockKey;
        _etagSource = etagSource;
        _timeProvider = timeProvider;
        _onDisposed = onDisposed;
    }

    private enum Transaction
    {
        /// <summary>No transaction open; the lock is not held.</summary>
        None,

        /// <summary>A transaction holding the lock is open.</summary>
        Locked,

        /// <summary>A statement failed; a transaction may be open (aborted) and must be rolled back first.</summary>
        Failed,
    }

    /// <inheritdoc />
    public IStorage Storage => this;

    /// <inheritdoc />
    /// <remarks>The turn holds its conversation from its first read to its commit already.</remarks>
    public Task HoldAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var read = new PostgresStateRead(keys);
        var locking = _transaction != Transaction.Locked;
        await RunAsync(
            locking,
            read.Command,
            commit: false,
            async reader =>
            {
                if (locking)
                {
                    await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                }

                await read.CollectAsync(reader, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return read.Items;
    }

    /// <inheritdoc />
    /// <remarks>Commits the turn's transaction, which releases the lock.</remarks>
    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
        ETagRules.ValidateChanges(changes);
        var write = new PostgresStateWrite(changes, _etagSource, _timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        var locking = _transaction != Transaction.Locked;
        IReadOnlyDictionary<string, string> etags = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            await RunAsync(
                locking,
                write.Command,
                commit: true,
                async reader =>
                {
                    if (locking)
                    {
                        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                    }

                    etags = await write.CompleteAsync(reader, cancellationToken).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (PostgresStateWrite.IsConflict(ex))
        {
            // Nothing was written and the transaction is aborted (the COMMIT did not run); the next statement rolls it
            // back first, which releases the lock.
            throw write.Conflict(ex);
        }

        return etags;
    }

    /// <inheritdoc />
    /// <remarks>Commits the turn's transaction, which releases the lock.</remarks>
    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        RunAsync(_transaction != Transaction.Locked, PostgresStorage.Delete(keys), commit: true, _ => Task.CompletedTask, cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_transaction != Transaction.None)
            {
                await using var rollback = new NpgsqlCommand("ROLLBACK;", _connection);
                await rollback.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection broke, or the pool is gone (shutdown): the server ends the transaction and drops the lock.
        }
        finally
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _onDisposed();
        }
    }

    // One round trip: whatever brings the connection into a transaction holding the lock (ROLLBACK after a failure,
    // BEGIN and the lock), the statement, and COMMIT when it ends the turn's transaction.
    private async Task RunAsync(bool locking, NpgsqlBatchCommand statement, bool commit, Func<NpgsqlDataReader, Task> readResults, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(_connection);
        if (_transaction == Transaction.Failed)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("ROLLBACK;"));
        }

        if (locking)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN;"));
            var lockCommand = new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock(@key);");
            lockCommand.Parameters.Add(new NpgsqlParameter<long>("key", _lockKey));
            batch.BatchCommands.Add(lockCommand);
        }

        batch.BatchCommands.Add(statement);
        if (commit)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT;"));
        }

        _transaction = Transaction.Failed;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await readResults(reader).ConfigureAwait(false);
        }

        _transaction = commit ? Transaction.None : Transaction.Locked;
    }
}
