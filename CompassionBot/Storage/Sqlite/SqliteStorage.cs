using System.Collections.Concurrent;
using CompassionBot.Dialogs.State;

namespace CompassionBot.Storage.Sqlite;

/// <summary>
/// <see cref="IStorage"/> on the embedded SQLite file. Reads use a small pool of open connections (WAL lets them run
/// beside a write); writes go through one connection, one batch at a time, each batch atomic.
/// </summary>
/// <remarks>
/// SQLite calls are synchronous and short (no network), so they run inline; only waiting for a connection is
/// asynchronous. Several instances (processes) may share the file: the ETag check is part of each write statement,
/// and ETags carry a per-instance random prefix so they never repeat across instances.
/// </remarks>
internal sealed class SqliteStorage : IStorage, IDisposable
{
    /// <summary>Most callers' writes committed in one transaction.</summary>
    public const int MaxBatch = 64;

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SqliteStorage> _logger;
    private readonly ETagSource _etagSource = new();
    private readonly ConcurrentQueue<SqliteStateReader> _idleReaders = new();
    private readonly SemaphoreSlim _readSlots;
    private readonly ConcurrentQueue<PendingStateWrite> _pending = new();
    private SqliteStateWriter? _writer;
    private int _committing;
    private bool _disposed;

    /// <summary>Creates the storage; connections open on first use.</summary>
    public SqliteStorage(SqliteDatabase database, int readConnections, TimeProvider timeProvider, ILogger<SqliteStorage> logger)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentOutOfRangeException.ThrowIfLessThan(readConnections, 1);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _database = database;
        _timeProvider = timeProvider;
        _logger = logger;
        _readSlots = new SemaphoreSlim(readConnections, readConnections);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, StoreItem>(keys.Count, StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return result;
        }

        await _database.EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        await _readSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var reader = _idleReaders.TryDequeue(out var idle) ? idle : new SqliteStateReader(_database.OpenConnection());
            try
            {
                reader.Read(keys, result);
            }
            catch
            {
                reader.Dispose();
                throw;
            }

            _idleReaders.Enqueue(reader);
        }
        finally
        {
            _readSlots.Release();
        }

        return result;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Group commit: the write joins a queue, and whichever caller finds no commit running commits everything queued
    /// in one transaction (one savepoint per caller), so concurrent turns share one transaction's locking and log
    /// writes instead of queueing for the write lock one by one. Each caller still gets its own outcome, and its
    /// changes are durable in the file before it does.
    /// </remarks>
    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
        ETagRules.ValidateChanges(changes);
        if (changes.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        await _database.EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        var write = new PendingStateWrite(changes, cancellationToken);
        _pending.Enqueue(write);
        await CommitPendingAsync(write).ConfigureAwait(false);
        return await write.Outcome.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return;
        }

        await _database.EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        await _database.WriteLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var writer = Writer();
            try
            {
                writer.Delete(keys);
            }
            catch (Exception ex)
            {
                ResetWriter(ex);
                throw;
            }
        }
        finally
        {
            _database.WriteLock.Release();
        }

        _database.NotifyWritten();
    }

    // Whoever enqueues checks for a running commit after enqueuing, and a committer checks the queue after finishing,
    // so no write is left waiting with nobody to commit it. A caller commits until its own write is done and hands
    // what is left to a thread-pool item, so no turn keeps committing for others under sustained load.
    private async Task CommitPendingAsync(PendingStateWrite? own)
    {
        while (!_pending.IsEmpty && Interlocked.CompareExchange(ref _committing, 1, 0) == 0)
        {
            try
            {
                // Not the caller's token: the batch carries other callers' writes.
                await _database.WriteLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
                try
                {
                    CommitBatch();
                }
                finally
                {
                    _database.WriteLock.Release();
                }
            }
            finally
            {
                Volatile.Write(ref _committing, 0);
            }

            _database.NotifyWritten();
            if (own is { Outcome.IsCompleted: true } && !_pending.IsEmpty)
            {
                ThreadPool.UnsafeQueueUserWorkItem(static storage => _ = storage.CommitPendingAsync(own: null), this, preferLocal: false);
                return;
            }
        }
    }

    private void CommitBatch()
    {
        var batch = new List<PendingStateWrite>();
        while (batch.Count < MaxBatch && _pending.TryDequeue(out var write))
        {
            if (write.CancellationToken.IsCancellationRequested)
            {
                write.Cancel();
            }
            else
            {
                batch.Add(write);
            }
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            Writer().WriteBatch(batch, _etagSource, _timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        }
        catch (Exception ex)
        {
            ResetWriter(ex);
            foreach (var write in batch)
            {
                write.Fail(ex);
            }

            return;
        }

        foreach (var write in batch)
        {
            write.Complete();
        }
    }

    /// <summary>Closes the read connections and the write statements (the write connection is the database's). Call only when no operation is running.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        while (_idleReaders.TryDequeue(out var reader))
        {
            reader.Dispose();
        }

        // The statements live on the database's shared write connection: dispose them when no write is using it.
        _database.WhileNoWriteRuns(() =>
        {
            _writer?.Dispose();
            _writer = null;
        });

        _readSlots.Dispose();
    }

    // Both run under the database's WriteLock. A conflict leaves the connection healthy; any other failure (I/O, lock timeout)
    // replaces it, so a half-finished transaction can never leak into the next write. The statements are prepared again
    // whenever the database's write connection has been replaced (here or by a clinic-record write).
    private SqliteStateWriter Writer()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = _database.WriterConnection();
        if (_writer is null || !ReferenceEquals(_writer.Connection, connection))
        {
            _writer?.Dispose();
            _writer = new SqliteStateWriter(connection);
        }

        return _writer;
    }

    private void ResetWriter(Exception exception)
    {
        Log.WriterReset(_logger, exception);
        _writer?.Dispose();
        _writer = null;
        _database.ResetWriterConnection();
    }
}
