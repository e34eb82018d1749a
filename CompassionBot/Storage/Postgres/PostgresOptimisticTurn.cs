using CompassionBot.Dialogs.State;
using CompassionBot.Dialogs.Turns;
using Npgsql;

namespace CompassionBot.Storage.Postgres;

/// <summary>
/// A turn's state on PostgreSQL, first without its conversation's lock (see <see cref="PostgresOptimisticConversationLock"/>):
/// a read and a self-committing, lock-guarded write, each a multiplexed statement of its own, two round trips in all.
/// After the write lost, everything the turn does next goes through a <see cref="PostgresTurn"/> holding the lock.
/// </summary>
internal sealed class PostgresOptimisticTurn : IConversationLease, IStorage
{
    private readonly PostgresDatabase _database;
    private readonly PostgresConversationLock _lock;
    private readonly string _conversationKey;
    private readonly ETagSource _etagSource;
    private readonly TimeProvider _timeProvider;
    private bool _lost;
    private bool _read;
    private IConversationLease? _held;

    public PostgresOptimisticTurn(PostgresDatabase database, PostgresConversationLock conversationLock, string conversationKey, ETagSource etagSource, TimeProvider timeProvider)
    {
        _database = database;
        _lock = conversationLock;
        _conversationKey = conversationKey;
        _etagSource = etagSource;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public IStorage Storage => this;

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);

        // A second read is a turn run again or its error handler's fresh state: it holds the lock, so it cannot lose.
        _lost |= _read;
        _read = true;
        if (await HeldAsync(cancellationToken).ConfigureAwait(false) is { } held)
        {
            return await held.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        }

        var read = new PostgresStateRead(keys);
        await using var batch = await _database.CreateStatementBatchAsync(cancellationToken).ConfigureAwait(false);
        batch.BatchCommands.Add(read.Command);
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await read.CollectAsync(reader, cancellationToken).ConfigureAwait(false);
        }

        return read.Items;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Throws <see cref="StorageConcurrencyException"/>, having written nothing, when an ETag no longer matches or another
    /// instance holds the conversation's lock; the turn's next read then takes the lock.
    /// </remarks>
    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
        ETagRules.ValidateChanges(changes);
        if (await HeldAsync(cancellationToken).ConfigureAwait(false) is { } held)
        {
            return await held.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
        }

        var write = new PostgresStateWrite(changes, _etagSource, _timeProvider.GetUtcNow().ToUnixTimeMilliseconds(), guard: _conversationKey);
        await using var batch = await _database.CreateStatementBatchAsync(cancellationToken).ConfigureAwait(false);
        batch.BatchCommands.Add(write.Command);
        try
        {
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await write.CompleteAsync(reader, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageConcurrencyException)
        {
            _lost = true;
            throw;
        }
        catch (PostgresException ex) when (PostgresStateWrite.IsConflict(ex))
        {
            _lost = true;
            throw write.Conflict(ex);
        }
    }

    /// <inheritdoc />
    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (await HeldAsync(cancellationToken).ConfigureAwait(false) is { } held)
        {
            await held.DeleteAsync(keys, cancellationToken).ConfigureAwait(false);
            return;
        }

        await using var batch = await _database.CreateStatementBatchAsync(cancellationToken).ConfigureAwait(false);
        batch.BatchCommands.Add(PostgresStorage.Delete(keys));
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _held?.DisposeAsync() ?? ValueTask.CompletedTask;

    // After a lost write: the lock's lease, taken once, through which the rest of the turn goes.
    private async Task<IStorage?> HeldAsync(CancellationToken cancellationToken)
    {
        if (_lost && _held is null)
        {
            _held = await _lock.AcquireAsync(_conversationKey, cancellationToken).ConfigureAwait(false);
        }

        return _held?.Storage;
    }
}
