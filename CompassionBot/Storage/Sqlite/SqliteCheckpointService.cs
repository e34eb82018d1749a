using CompassionBot.Storage.Relational;
using Microsoft.Data.Sqlite;

namespace CompassionBot.Storage.Sqlite;

/// <summary>
/// Checkpoints the SQLite write-ahead log in the background, so no turn pays for it. Left to SQLite, the commit that
/// crosses the log's size limit copies the whole log into the file and waits for the disk while holding the write
/// lock, and every turn in flight waits behind it. Here the bulk copy (and its fsync) runs outside the write lock;
/// only a short second pass, for the pages committed meanwhile, holds it, so that the next write can start the log
/// over instead of letting it grow.
/// </summary>
internal sealed partial class SqliteCheckpointService(
    IServiceProvider services,
    TimeProvider timeProvider,
    ILogger<SqliteCheckpointService> logger) : BackgroundService
{
    /// <summary>Least time between two checkpoints while writes keep coming.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>Log size (pages) from which the second pass runs, letting the log start over.</summary>
    public const long RestartPages = 1000;

    /// <summary>Checkpoints once: the bulk without the write lock, then, if the log is large, the rest with it.</summary>
    public static async Task CheckpointAsync(SqliteDatabase database, SqliteConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var (logPages, _) = SqliteDatabase.Checkpoint(connection);
        if (logPages < RestartPages)
        {
            return;
        }

        await database.WriteLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            SqliteDatabase.Checkpoint(connection);
        }
        finally
        {
            database.WriteLock.Release();
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolved here, at start: only a database file has a write-ahead log to checkpoint.
        if (services.GetRequiredService<IRelationalDatabase>() is not SqliteDatabase { IsInMemory: false } database)
        {
            return;
        }

        SqliteConnection? connection = null;
        try
        {
            while (await database.Writes.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                database.Writes.TryRead(out _);
                try
                {
                    connection ??= database.OpenConnection();
                    await CheckpointAsync(database, connection, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is SqliteException or InvalidOperationException)
                {
                    // Nothing is lost: the log keeps the pages, and the next checkpoint (or SQLite's own) copies them.
                    LogCheckpointFailed(logger, exception);
                    connection?.Dispose();
                    connection = null;
                }

                await Task.Delay(Interval, timeProvider, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            connection?.Dispose();
        }
    }

    [LoggerMessage(EventId = 5009, Level = LogLevel.Warning, Message = "A background SQLite checkpoint failed; retrying after the next write")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
