using System.Collections.Concurrent;
using System.Diagnostics;
using CompassionBot.Storage;
using CompassionBot.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CompassionBot.Tests.Support;

/// <summary>
/// One test's own database on the shared <see cref="PostgresServer"/>, dropped (with every database object opened on
/// it) on dispose. Each <see cref="OpenDatabase"/> is an independent instance, like another process on the database.
/// </summary>
public sealed class TemporaryPostgresDatabase : IAsyncDisposable
{
    private readonly string _maintenance;
    private readonly string _name;
    private readonly List<PostgresDatabase> _opened = [];

    internal TemporaryPostgresDatabase(string maintenance, string name, string connectionString)
    {
        _maintenance = maintenance;
        _name = name;
        ConnectionString = connectionString;
    }

    /// <summary>Connects to this test's database.</summary>
    public string ConnectionString { get; }

    internal static IReadOnlyList<SqlMigration> ShippedMigrations =>
        SqlMigration.LoadEmbedded(typeof(PostgresDatabase).Assembly, PostgresDatabase.MigrationResourcePrefix);

    internal PostgresDatabase OpenDatabase(IReadOnlyList<SqlMigration>? migrations = null, TimeProvider? timeProvider = null)
    {
        var database = new PostgresDatabase(ConnectionString, migrations ?? ShippedMigrations, timeProvider ?? TimeProvider.System, NullLogger<PostgresDatabase>.Instance);
        _opened.Add(database);
        return database;
    }

    internal PostgresStorage OpenStorage() => new(OpenDatabase(), TimeProvider.System);

    /// <summary>
    /// Another instance's conversation locks, on a database object (pools) of its own, migrated first so that only its
    /// turns talk to the server: the one a turn's first try uses, and the one it holds when it runs again.
    /// </summary>
    internal async Task<(PostgresOptimisticConversationLock FirstTry, PostgresConversationLock Holding)> OpenInstanceLocksAsync(CancellationToken cancellationToken)
    {
        var database = OpenDatabase();
        await database.EnsureMigratedAsync(cancellationToken);
        var holding = new PostgresConversationLock(database, TimeProvider.System);
        return (new PostgresOptimisticConversationLock(database, holding, TimeProvider.System), holding);
    }

    /// <summary>How many advisory locks are held in this database now, by any connection.</summary>
    /// <remarks>pg_locks covers the whole server: only this database's are counted, other test classes hold theirs.</remarks>
    internal async Task<long> AdvisoryLocksHeldAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted " +
            "AND database = (SELECT oid FROM pg_database WHERE datname = current_database());", connection);
        return (long)(await count.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Collects the text of every round trip Npgsql makes to this database (it traces one span per command or whole
    /// batch, with the statements' text) until disposed.
    /// </summary>
    internal IDisposable ListenToRoundTrips(ConcurrentQueue<string> roundTrips)
    {
        var database = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span =>
            {
                if (span.GetTagItem("db.namespace") as string == database && span.GetTagItem("db.query.text") is string text)
                {
                    roundTrips.Enqueue(text);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _opened)
        {
            await database.DisposeAsync();
        }

        await using var connection = new NpgsqlConnection(_maintenance);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
