using System.Data.Common;
using CompassionBot.Storage.Relational;
using Dapper;
using DbUp;
using DbUp.Postgresql;
using Npgsql;

namespace CompassionBot.Storage.Postgres;

/// <summary>
/// A shared PostgreSQL database (<c>Storage:Provider=Postgres</c>, <c>ConnectionStrings:Postgres</c>): a pooled
/// <see cref="NpgsqlDataSource"/>, and the schema kept current by <see cref="SchemaMigrator"/> (DbUp).
/// </summary>
/// <remarks>
/// Add a migration by adding <c>CompassionBot/Storage/Postgres/Migrations/NNNN_description.sql</c> with the same
/// number as its SQLite twin. Several instances may start at once: they migrate one after another under an advisory lock.
/// </remarks>
internal sealed class PostgresDatabase : IRelationalDatabase, IAsyncDisposable, IDisposable
{
    /// <summary>Logical name prefix of the embedded migration scripts (see the csproj).</summary>
    public const string MigrationResourcePrefix = "CompassionBot.Storage.Postgres.Migrations/";

    /// <summary>Turns holding a connection at once when the connection string turns pooling off.</summary>
    public const int MaxTurnsWithoutPooling = 1024;

    /// <summary>Statements Npgsql prepares per connection when <c>Max Auto Prepare</c> is not set.</summary>
    public const int DefaultMaxAutoPrepare = 32;

    /// <summary>The advisory lock key every instance takes while it migrates ("CBmigr" as bytes).</summary>
    public const long MigrationLockKey = 0x4342_6D69_6772;

    private const string CreateJournal = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER     NOT NULL PRIMARY KEY,
            name       TEXT        NOT NULL,
            applied_at TIMESTAMPTZ NOT NULL
        );
        """;

    private readonly IReadOnlyList<SqlMigration> _migrations;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<PostgresDatabase> _logger;
    private readonly SemaphoreSlim _migrationLock = new(1, 1);
    private volatile bool _migrated;

    /// <summary>Prepares (but does not open) the database <paramref name="connectionString"/> names.</summary>
    /// <exception cref="ArgumentException">The connection string is invalid.</exception>
    public PostgresDatabase(string connectionString, IReadOnlyList<SqlMigration> migrations, TimeProvider timeProvider, ILogger<PostgresDatabase> logger)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        var builder = Parse(connectionString);
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "CompassionBot";
        }

        // Every turn runs the same few statements: prepared once per connection, the server parses and plans them once.
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        Description = $"{builder.Host}:{builder.Port}/{builder.Database}";

        // Turns send BEGIN and COMMIT in separate batches, and migrations hold a session lock: both need a connection of
        // their own, which a multiplexed pool does not give. Only the turns' single statements are multiplexed.
        builder.Multiplexing = false;

        // Turns get their own share of the configured pool: at most half of it less the one connection the Direct Line
        // listener may keep, so turns holding conversation locks can never drain the connections their clinic-record
        // writes need. A few of that share carry every turn's single statements, multiplexed (a turn's first try, see
        // PostgresOptimisticConversationLock); the rest are for turns that hold the lock after a conflict. Without
        // pooling, or with a share too small to split, every turn holds the lock (MultiplexesStatements is false). A
        // turn's connection holds no session state (transaction-scoped locks, every transaction ended), so it goes back
        // to its pool without Npgsql's session reset, a few statements less per turn.
        var turnShare = builder.Pooling ? Math.Max(1, (builder.MaxPoolSize - 1) / 2) : MaxTurnsWithoutPooling;
        MultiplexesStatements = builder.Pooling && turnShare >= 2;
        StatementConnections = MultiplexesStatements ? StatementConnectionsFor(turnShare) : 0;
        TurnConnections = turnShare - StatementConnections;
        var turns = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { NoResetOnClose = true };

        // A turn's state commits without waiting for its WAL to reach the disk, as SQLite's synchronous=NORMAL does:
        // a committed turn survives the service crashing, and only an operating-system crash or power loss can take
        // back its last fraction of a second (never a torn state). Waiting for a flush on every turn more than halved
        // what one server does. Clinic records, crisis events and alerts use the other pool and the server's setting;
        // a connection string that sets synchronous_commit itself keeps it for turns too.
        AddSessionDefault(turns, "synchronous_commit", "off");

        // A turn's statements look a document up by its primary key whatever the values: planned once per connection
        // (a generic plan), not again on every execution as the server's default does while it weighs custom plans,
        // which cost about a tenth of a turn's throughput. A connection string that sets plan_cache_mode keeps it.
        AddSessionDefault(turns, "plan_cache_mode", "force_generic_plan");

        // Statements outside a transaction from many turns share a few connections, written out together and answered
        // in order: fewer round trips and far fewer busy server processes than a connection per turn (multiplexing
        // needs pooling; without it each statement opens a connection of its own). None of them waits for a lock held
        // through a turn (the write only tries the conversation's), as that would hold up every statement queued behind
        // it. A cancelled turn does not cancel its statement on the server (multiplexing sends no cancel request); it is
        // short and finishes.
        var statements = new NpgsqlConnectionStringBuilder(turns.ConnectionString) { Multiplexing = true, MaxPoolSize = Math.Max(1, StatementConnections) };
        if (builder.Pooling)
        {
            turns.MaxPoolSize = TurnConnections;
            builder.MaxPoolSize -= turnShare;

            // A configured minimum applies to each pool, as far as its own maximum allows.
            statements.MinPoolSize = Math.Min(statements.MinPoolSize, statements.MaxPoolSize);
            turns.MinPoolSize = Math.Min(turns.MinPoolSize, turns.MaxPoolSize);
            builder.MinPoolSize = Math.Min(builder.MinPoolSize, builder.MaxPoolSize);
        }

        DataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        TurnDataSource = NpgsqlDataSource.Create(turns.ConnectionString);
        StatementDataSource = MultiplexesStatements ? NpgsqlDataSource.Create(statements.ConnectionString) : TurnDataSource;
        _migrations = migrations;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <inheritdoc />
    public SqlDialect Dialect => SqlDialect.Postgres;

    /// <summary>Host, port and database name, for logs (never the password).</summary>
    public string Description { get; }

    /// <summary>
    /// How many turns may hold a connection, and their conversation's lock, at once (<see cref="TurnDataSource"/>'s
    /// pool). With <see cref="StatementConnections"/> it makes a little under half of <c>Maximum Pool Size</c>
    /// (default 100); clinic records get the rest.
    /// </summary>
    public int TurnConnections { get; }

    /// <summary>How many connections carry the turns' multiplexed statements (<see cref="StatementDataSource"/>'s pool).</summary>
    public int StatementConnections { get; }

    /// <summary>
    /// Whether turns' single statements are multiplexed (<see cref="StatementDataSource"/>), so that a turn's first try
    /// holds no lock (<see cref="PostgresOptimisticConversationLock"/>); false without pooling or with a pool too small
    /// to split, where every turn holds its conversation (<see cref="PostgresConversationLock"/>).
    /// </summary>
    public bool MultiplexesStatements { get; }

    /// <summary>The connection pool of clinic records, migrations and the Direct Line listener.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>The connection pool of turns (<see cref="PostgresTurn"/>), returned without a session reset.</summary>
    public NpgsqlDataSource TurnDataSource { get; }

    /// <summary>
    /// The multiplexed pool of turns' single statements outside a transaction (<see cref="PostgresOptimisticTurn"/>):
    /// state reads and self-committing state writes; <see cref="TurnDataSource"/> when <see cref="MultiplexesStatements"/>
    /// is false.
    /// </summary>
    public NpgsqlDataSource StatementDataSource { get; }

    /// <inheritdoc />
    public int SchemaVersion { get; private set; }

    /// <inheritdoc />
    public int ExpectedSchemaVersion => _migrations.Count == 0 ? 0 : _migrations[^1].Version;

    /// <summary>Checks a connection string the way the constructor will, for start-up validation.</summary>
    /// <returns>Null when usable, otherwise why not (without the connection string's secrets).</returns>
    public static string? Validate(string? connectionString)
    {
        try
        {
            _ = Parse(connectionString);
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
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
                await MigrateAsync(cancellationToken).ConfigureAwait(false);
                _migrated = true;
            }
        }
        finally
        {
            _migrationLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        return await OpenRawAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens a pooled connection without waiting for migrations (the migration runner, readiness checks).</summary>
    /// <exception cref="InvalidOperationException">The server cannot be reached or refuses the login.</exception>
    public async Task<NpgsqlConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new InvalidOperationException($"Cannot open the PostgreSQL database {Description} (ConnectionStrings:Postgres): {ex.Message}", ex);
        }
    }

    /// <summary>Opens a connection of <see cref="TurnDataSource"/> for a turn's lock and state.</summary>
    /// <exception cref="InvalidOperationException">The server cannot be reached or refuses the login.</exception>
    public async Task<NpgsqlConnection> OpenTurnAsync(CancellationToken cancellationToken)
    {
        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await TurnDataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new InvalidOperationException($"Cannot open the PostgreSQL database {Description} (ConnectionStrings:Postgres): {ex.Message}", ex);
        }
    }

    /// <summary>A batch of <see cref="StatementDataSource"/>, once the schema is current.</summary>
    public async Task<NpgsqlBatch> CreateStatementBatchAsync(CancellationToken cancellationToken)
    {
        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        return StatementDataSource.CreateBatch();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (MultiplexesStatements)
        {
            await StatementDataSource.DisposeAsync().ConfigureAwait(false);
        }

        await TurnDataSource.DisposeAsync().ConfigureAwait(false);
        await DataSource.DisposeAsync().ConfigureAwait(false);
        _migrationLock.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (MultiplexesStatements)
        {
            StatementDataSource.Dispose();
        }

        TurnDataSource.Dispose();
        DataSource.Dispose();
        _migrationLock.Dispose();
    }

    // Instances starting together take turns on a session-level advisory lock held around DbUp's upgrade, so the later
    // ones find nothing left to do. A crashed holder's connection ends and the server drops the lock.
    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenRawAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_lock(@key);", new { key = MigrationLockKey }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            IReadOnlyList<string> applied;
            int version;
            try
            {
                applied = SchemaMigrator.Migrate(
                    DeployChanges.To.PostgresqlDatabase(new PostgresqlConnectionManager(DataSource)),
                    _migrations,
                    CreateJournal,
                    () => _timeProvider.GetUtcNow(),
                    "PostgreSQL");
                version = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                    "SELECT COALESCE(MAX(version), 0) FROM schema_migrations;", cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
            finally
            {
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key);", new { key = MigrationLockKey }).ConfigureAwait(false);
            }

            foreach (var name in applied)
            {
                Log.PostgresMigrationApplied(_logger, name);
            }

            if (version > ExpectedSchemaVersion)
            {
                Log.SchemaNewerThanBuild(_logger, Description, version, ExpectedSchemaVersion);
            }

            SchemaVersion = version;
            Log.PostgresReady(_logger, Description, version);
        }
    }

    // One multiplexed connection per core of this instance is enough to keep its statements flowing (each connection's
    // server process runs one statement at a time, and this instance's cores write them all), and more only add busy
    // server processes: on two cores, two did about 6 % more turns than eight. At most a quarter of the turns' share,
    // so most of it stays for turns holding locks.
    private static int StatementConnectionsFor(int turnShare) =>
        Math.Clamp(Environment.ProcessorCount, 1, Math.Max(1, turnShare / 4));

    // Adds "-c name=value" to the connection's Options unless they already set that parameter.
    private static void AddSessionDefault(NpgsqlConnectionStringBuilder builder, string name, string value)
    {
        if (builder.Options?.Contains(name, StringComparison.OrdinalIgnoreCase) != true)
        {
            builder.Options = $"{builder.Options} -c {name}={value}".TrimStart();
        }
    }

    private static NpgsqlConnectionStringBuilder Parse(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException(
                "Storage:Provider is Postgres but ConnectionStrings:Postgres is not set; " +
                "set it, e.g. 'Host=db.example.org;Database=compassionbot;Username=bot;Password=...;SSL Mode=Require'.",
                nameof(connectionString));
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            // The parser's message can quote the string, password included: say only that it is malformed.
            throw new ArgumentException("ConnectionStrings:Postgres is not a valid PostgreSQL connection string (check its keywords and quoting).", nameof(connectionString), ex);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new ArgumentException("ConnectionStrings:Postgres has no Host.", nameof(connectionString));
        }

        if (string.IsNullOrWhiteSpace(builder.Database))
        {
            throw new ArgumentException("ConnectionStrings:Postgres has no Database.", nameof(connectionString));
        }

        return builder;
    }
}
