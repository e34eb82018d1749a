using CompassionBot.Dialogs.State;
using CompassionBot.Dialogs.Turns;
using Npgsql;

namespace CompassionBot.Storage.Postgres;

/// <summary>
/// A turn's state on PostgreSQL, first without its conversation's lock (see <see cref="PostgresOptimisticConversationLock"/>):
/// a read and a self-committing, lock-guarded write, each a multiplexed statement of its own, two round trips in all.
/// Once the turn holds the lock, everything it does next goes through a <see cref="PostgresTurn"/>: after its write
/// lost, on any later read (the turn run again, or its error handler's fresh state), on a delete, and when the turn
/// asks to hold its conversation (<see cref="HoldAsync"/>) before doing something outside its state.
/// </summary>
internal sealed class PostgresOptimisticTurn : IConversationLease, IStorage
{
    private readonly PostgresDatabase _database;
    private readonly PostgresConversationLock _lock;
    private readonly string _conversationKey;
    private readonly ETagSource _etagSource;
    private readonly TimeProvider _timeProvider;
    private (IReadOnlyCollection<string> Keys, IReadOnlyDictionary<string, StoreItem> Items)? _firstRead;
    private bool _mustHold;
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

        // A second read is the turn run again or its error handler's fresh state: it holds the lock, so it cannot lose.
        _mustHold |= _firstRead is not null;
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

        _firstRead = ([.. keys], read.Items);
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
            _mustHold = true;
            throw;
        }
        catch (PostgresException ex) when (PostgresStateWrite.IsConflict(ex))
        {
            _mustHold = true;
            throw write.Conflict(ex);
        }
    }

    /// <inheritdoc />
    /// <remarks>Deletes check no ETag, so they go through the lock: they never remove what another instance is writing.</remarks>
    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _mustHold = true;
        var held = (await HeldAsync(cancellationToken).ConfigureAwait(false))!;
        await held.DeleteAsync(keys, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Takes the lock and reads the turn's documents again under it: when any of them changed since the first read,
    /// another instance committed meanwhile, and the turn must run again (it still holds the lock then).
    /// </remarks>
    public async Task HoldAsync(CancellationToken cancellationToken)
    {
        if (_held is not null)
        {
            return;
        }

        _mustHold = true;
        var held = (await HeldAsync(cancellationToken).ConfigureAwait(false))!;
        if (_firstRead is not { } first)
        {
            return;
        }

        var now = await held.ReadAsync(first.Keys, cancellationToken).ConfigureAwait(false);
        if (first.Keys.FirstOrDefault(key => !SameVersion(first.Items, now, key)) is { } changed)
        {
            throw new StorageConcurrencyException(changed);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _held?.DisposeAsync() ?? ValueTask.CompletedTask;

    private static bool SameVersion(IReadOnlyDictionary<string, StoreItem> before, IReadOnlyDictionary<string, StoreItem> after, string key) =>
        before.TryGetValue(key, out var then)
            ? after.TryGetValue(key, out var now) && string.Equals(then.ETag, now.ETag, StringComparison.Ordinal)
            : !after.ContainsKey(key);

    // Once the turn must hold its conversation: the lock's lease, taken once, through which the rest of the turn goes.
    private async Task<IStorage?> HeldAsync(CancellationToken cancellationToken)
    {
        if (_mustHold && _held is null)
        {
            _held = await _lock.AcquireAsync(_conversationKey, cancellationToken).ConfigureAwait(false);
        }

        return _held?.Storage;
    }
}
