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
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SqliteStorage> _logger;
    private readonly ETagSource _etagSource = new();
    private readonly ConcurrentQueue<SqliteStateReader> _idleReaders = new();
    private readonly SemaphoreSlim _readSlots;
    private SqliteStateWriter? _writer;
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
    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
        ETagRules.ValidateChanges(changes);

        var etags = new Dictionary<string, string>(changes.Count, StringComparer.Ordinal);
        if (changes.Count == 0)
        {
            return etags;
        }

        await _database.EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        await _database.WriteLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var writer = Writer();
            try
            {
                writer.Write(changes, _etagSource, _timeProvider.GetUtcNow().ToUnixTimeMilliseconds(), etags);
            }
            catch (Exception ex) when (ex is not StorageConcurrencyException)
            {
                ResetWriter(ex);
                throw;
            }
        }
        finally
        {
            _database.WriteLock.Release();
        }

        return etags;
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
    }

    /// <summary>Closes every connection. Call only when no operation is running.</summary>
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

        _writer?.Dispose();
        _writer = null;
        _readSlots.Dispose();
    }

    // Both run under the database's WriteLock. A conflict leaves the connection healthy; any other failure (I/O, lock timeout)
    // replaces it, so a half-finished transaction can never leak into the next write.
    private SqliteStateWriter Writer()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _writer ??= new SqliteStateWriter(_database.OpenConnection());
    }

    private void ResetWriter(Exception exception)
    {
        Log.WriterReset(_logger, exception);
        _writer?.Dispose();
        _writer = null;
    }
}
