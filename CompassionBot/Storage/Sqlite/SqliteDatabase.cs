using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using CompassionBot.Storage.Relational;
using Dapper;
using DbUp;
using DbUp.Sqlite.Helpers;
using Microsoft.Data.Sqlite;

namespace CompassionBot.Storage.Sqlite;

/// <summary>
/// The embedded SQLite file: opens tuned connections (WAL, synchronous=NORMAL, busy_timeout, foreign keys), keeps
/// the schema current, and owns the process's one write connection (<see cref="WriterConnection"/>).
/// </summary>
/// <remarks>
/// <para>
/// Adding tables (Direct Line logs, SMS consent, crisis events, check-ins, ...) is a one-file change: add
/// <c>CompassionBot/Storage/Sqlite/Migrations/NNNN_description.sql</c> with the next free number. The csproj embeds
/// every <c>*.sql</c> in that folder; on first use DbUp runs each script not yet recorded in <c>schema_migrations</c>
/// once, in order, inside one <c>BEGIN IMMEDIATE</c> transaction together with its bookkeeping row.
/// </para>
/// <para>
/// Scripts must not contain BEGIN/COMMIT or PRAGMAs that cannot run inside a transaction. Never edit a script that
/// has shipped: add a new one. Keep them plain SQL so the PostgreSQL provider can mirror them one for one.
/// </para>
/// </remarks>
internal sealed class SqliteDatabase : IRelationalDatabase, IDisposable
{
    /// <summary>Logical name prefix of the embedded migration scripts (see the csproj).</summary>
    public const string MigrationResourcePrefix = "CompassionBot.Storage.Sqlite.Migrations/";

    private const string CreateJournal = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER NOT NULL PRIMARY KEY,
            name       TEXT    NOT NULL,
            applied_at TEXT    NOT NULL
        );
        """;

    /// <summary>
    /// WAL size (pages) at which a committing connection checkpoints by itself. <see cref="SqliteCheckpointService"/>
    /// keeps the log well below it; this is the safety net when that service is not running (the <c>chat</c> verb,
    /// tests without a host).
    /// </summary>
    public const int AutoCheckpointPages = 8000;

    /// <summary>How long disposal waits for a write still running before it closes the write connection anyway.</summary>
    public static readonly TimeSpan DisposeWriteWait = TimeSpan.FromSeconds(5);

    private readonly IReadOnlyList<SqlMigration> _migrations;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SqliteDatabase> _logger;
    private readonly string _pragmas;
    private readonly SemaphoreSlim _migrationLock = new(1, 1);
    private readonly Channel<bool> _writes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = [];
    private volatile bool _migrated;
    private volatile bool _disposed;
    private SqliteConnection? _writerConnection;
    private SqliteConnection? _keepAlive;
    private string? _folderToCreate;

    /// <summary>Prepares (but does not open) the database <paramref name="connectionString"/> names.</summary>
    /// <exception cref="ArgumentException">The connection string is invalid or names an in-memory database.</exception>
    public SqliteDatabase(
        string connectionString,
        TimeSpan busyTimeout,
        IReadOnlyList<SqlMigration> migrations,
        TimeProvider timeProvider,
        ILogger<SqliteDatabase> logger)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        (ConnectionString, FilePath) = Normalize(connectionString, busyTimeout);
        PooledConnectionString = new SqliteConnectionStringBuilder(ConnectionString) { Pooling = true }.ToString();
        _migrations = migrations;
        _timeProvider = timeProvider;
        _logger = logger;
        _folderToCreate = FilePath.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? null : Path.GetDirectoryName(FilePath);
        _pragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = {AutoCheckpointPages};");
    }

    /// <summary>
    /// A private database in this process's memory (<c>Storage:Provider=Memory</c>): the same tables, migrations and
    /// stores as the file, through SQLite's <c>memdb</c> VFS, so nothing reaches a disk; gone when disposed.
    /// </summary>
    public static SqliteDatabase InMemory(TimeSpan busyTimeout, IReadOnlyList<SqlMigration> migrations, TimeProvider timeProvider, ILogger<SqliteDatabase> logger)
    {
        var database = new SqliteDatabase(
            $"Data Source=file:/compassionbot-{Guid.NewGuid():N}?vfs=memdb", busyTimeout, migrations, timeProvider, logger);

        // A memdb database lives while one connection to it is open.
        database._keepAlive = new SqliteConnection(database.ConnectionString);
        database._keepAlive.Open();
        return database;
    }

    /// <summary>The database file's full path (for <see cref="InMemory"/>, its <c>memdb</c> name).</summary>
    public string FilePath { get; }

    /// <summary>Whether this is a database in memory (<see cref="InMemory"/>), with no file and no write-ahead log.</summary>
    public bool IsInMemory => _keepAlive is not null;

    /// <summary>The normalised connection string (absolute path, no pooling: we keep our own connections open).</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// The same with pooling, for the short-lived connections of <see cref="OpenConnectionAsync"/>: opening a file
    /// connection (file, schema, pragmas) costs far more than the statement a clinic-record store runs on it.
    /// </summary>
    public string PooledConnectionString { get; }

    /// <inheritdoc />
    public SqlDialect Dialect => SqlDialect.Sqlite;

    /// <summary>
    /// Serialises this process's writes to the file (bot state and clinic records) and guards
    /// <see cref="WriterConnection"/>, so concurrent writers queue here instead of in SQLite's busy handler, which
    /// sleeps in steps of milliseconds.
    /// </summary>
    public SemaphoreSlim WriteLock { get; } = new(1, 1);

    /// <summary>Signalled (coalesced) after writes to the file, for <see cref="SqliteCheckpointService"/>.</summary>
    public ChannelReader<bool> Writes => _writes.Reader;

    /// <inheritdoc />
    public int SchemaVersion { get; private set; }

    /// <inheritdoc />
    public int ExpectedSchemaVersion => _migrations.Count == 0 ? 0 : _migrations[^1].Version;

    /// <summary>Checks a connection string the way the constructor will, for start-up validation.</summary>
    /// <returns>Null when usable, otherwise why not.</returns>
    public static string? Validate(string connectionString)
    {
        try
        {
            _ = Normalize(connectionString, TimeSpan.Zero);
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>Opens a connection with the pragmas applied; the folder is created on first use.</summary>
    /// <exception cref="InvalidOperationException">The file cannot be created or opened.</exception>
    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            CreateFolderOnce();
            connection.Open();
            connection.Execute(_pragmas);
            EnsureWal(connection);
            return connection;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            connection.Dispose();
            throw new InvalidOperationException(
                $"Cannot open the SQLite database '{FilePath}' (ConnectionStrings:Sqlite): {ex.Message}", ex);
        }
    }

    /// <summary>Tells the checkpointer the log has grown; cheap, never blocks.</summary>
    public void NotifyWritten() => _writes.Writer.TryWrite(true);

    /// <summary>
    /// Runs a PASSIVE checkpoint on <paramref name="connection"/>: copies what it can from the log into the file
    /// without waiting for readers or writers.
    /// </summary>
    /// <returns>Pages in the log, and how many of them the file now holds.</returns>
    public static (long LogPages, long CheckpointedPages) Checkpoint(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(1), reader.GetInt64(2)) : (0, 0);
    }

    /// <inheritdoc />
    /// <remarks>Pooled: disposing the connection returns it to the pool, still configured.</remarks>
    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        var connection = new SqliteConnection(PooledConnectionString);
        try
        {
            connection.Open();
            if (connection.Handle is { } handle && !_configured.TryGetValue(handle, out _))
            {
                connection.Execute(_pragmas);
                EnsureWal(connection);
                _configured.AddOrUpdate(handle, this);
            }

            return connection;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            connection.Dispose();
            throw new InvalidOperationException(
                $"Cannot open the SQLite database '{FilePath}' (ConnectionStrings:Sqlite): {ex.Message}", ex);
        }
    }

    /// <summary>
    /// The one connection this process writes on, bot state and clinic records alike, opened on first use. In WAL mode
    /// a connection drops its page cache whenever another connection has written, so one writer keeps its cache warm.
    /// Use it only while holding <see cref="WriteLock"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The file cannot be created or opened.</exception>
    public SqliteConnection WriterConnection()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_writerConnection is { State: not System.Data.ConnectionState.Open })
        {
            ResetWriterConnection();
        }

        return _writerConnection ??= OpenConnection();
    }

    /// <summary>
    /// Closes the write connection after a failure that may have left it unusable (I/O, lock timeout); the next write
    /// opens a new one. Hold <see cref="WriteLock"/>.
    /// </summary>
    public void ResetWriterConnection()
    {
        _writerConnection?.Dispose();
        _writerConnection = null;
    }

    /// <inheritdoc />
    /// <remarks>
    /// The write runs on <see cref="WriterConnection"/> under <see cref="WriteLock"/>; a transaction the caller left open
    /// is rolled back when the write is disposed.
    /// </remarks>
    public async Task<RelationalWrite> OpenWriteAsync(CancellationToken cancellationToken)
    {
        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        await WriteLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = WriterConnection();
            return new RelationalWrite(connection, ownsConnection: false, onDisposed: () => EndWrite(connection));
        }
        catch
        {
            WriteLock.Release();
            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>Not pooled: a pooled handle would still reach a file that has since been deleted or replaced.</remarks>
    public async Task<DbConnection> OpenProbeConnectionAsync(CancellationToken cancellationToken)
    {
        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        return OpenConnection();
    }

    /// <inheritdoc />
    public async Task EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        if (_migrated)
        {
            return;
        }

        await _migrationLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_migrated)
            {
                Migrate();
                _migrated = true;
            }
        }
        finally
        {
            _migrationLock.Release();
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// A write still running gets <see cref="DisposeWriteWait"/> to finish before its connection is closed. Writes that
    /// start afterwards fail with <see cref="ObjectDisposedException"/>. <see cref="WriteLock"/> is deliberately not
    /// disposed, so a write that is still ending can always release it.
    /// </remarks>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        WhileNoWriteRuns(() =>
        {
            _disposed = true;
            ResetWriterConnection();
        });

        using (var pooled = new SqliteConnection(PooledConnectionString))
        {
            SqliteConnection.ClearPool(pooled);
        }

        _keepAlive?.Dispose();
        _migrationLock.Dispose();
    }

    /// <summary>
    /// Runs <paramref name="shutdownStep"/> (closing something on the write connection) once the write in progress has
    /// ended, or after <see cref="DisposeWriteWait"/> regardless, so shutdown never hangs on a stuck write.
    /// </summary>
    public void WhileNoWriteRuns(Action shutdownStep)
    {
        ArgumentNullException.ThrowIfNull(shutdownStep);
        var locked = WriteLock.Wait(DisposeWriteWait);
        try
        {
            shutdownStep();
        }
        finally
        {
            if (locked)
            {
                WriteLock.Release();
            }
        }
    }

    // A connection the write left unusable (a failed rollback, closed by the caller) is replaced, so the next write
    // starts clean; ending a write never throws over the caller's own exception.
    private void EndWrite(SqliteConnection connection)
    {
        try
        {
            connection.RollbackIfActive();
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException or ObjectDisposedException)
        {
            ResetWriterConnection();
        }
        finally
        {
            WriteLock.Release();
            NotifyWritten();
        }
    }

    // DbUp's transaction is BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default): the write lock is taken before the journal
    // is read, so a second process starting at the same moment waits (busy_timeout) and then finds nothing left to do.
    private void Migrate()
    {
        using var connection = OpenConnection();
        var applied = SchemaMigrator.Migrate(
            DeployChanges.To.SqliteDatabase(new SharedConnection(connection)),
            _migrations,
            CreateJournal,
            () => _timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            "SQLite");
        var version = connection.ExecuteScalar<int>("SELECT COALESCE(MAX(version), 0) FROM schema_migrations;");
        foreach (var name in applied)
        {
            Log.MigrationApplied(_logger, name);
        }

        if (version > ExpectedSchemaVersion)
        {
            Log.SchemaNewerThanBuild(_logger, FilePath, version, ExpectedSchemaVersion);
        }

        SchemaVersion = version;
        if (IsInMemory)
        {
            Log.MemoryProvider(_logger);
        }
        else
        {
            Log.SqliteReady(_logger, FilePath, version);
        }
    }

    private void EnsureWal(SqliteConnection connection)
    {
        if (IsInMemory)
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        var mode = command.ExecuteScalar() as string ?? "unknown";
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            Log.NotWal(_logger, FilePath, mode);
        }
    }

    private void CreateFolderOnce()
    {
        if (_folderToCreate is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            _folderToCreate = null;
        }
    }

    private static (string ConnectionString, string FilePath) Normalize(string connectionString, TimeSpan busyTimeout)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new ArgumentException($"ConnectionStrings:Sqlite is not a valid SQLite connection string: {ex.Message}", nameof(connectionString), ex);
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new ArgumentException(
                "ConnectionStrings:Sqlite has no Data Source; set a file, e.g. 'Data Source=data/compassionbot.db'.", nameof(connectionString));
        }

        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource == ":memory:")
        {
            throw new ArgumentException(
                "ConnectionStrings:Sqlite names an in-memory database, which loses everything on restart; " +
                "name a file, or set Storage:Provider=Memory.", nameof(connectionString));
        }

        if (builder.Mode == SqliteOpenMode.ReadOnly)
        {
            throw new ArgumentException("ConnectionStrings:Sqlite must not be read-only (Mode=ReadOnly): bot state is written every turn.", nameof(connectionString));
        }

        if (!builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            // Resolve against the current directory now, so a later change of directory cannot move the file.
            builder.DataSource = Path.GetFullPath(builder.DataSource);
        }

        builder.Pooling = false;
        builder.DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds));
        return (builder.ToString(), builder.DataSource);
    }
}
