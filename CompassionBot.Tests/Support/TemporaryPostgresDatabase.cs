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
