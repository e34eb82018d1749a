using CompassionBot.Storage;
using CompassionBot.Storage.Relational;

namespace CompassionBot.Tests.Support;

/// <summary>
/// A fresh database on one provider for one test: the settings a service host needs to use it, and independent
/// <see cref="IRelationalDatabase"/> instances on it (each like another process). Storage-touching tests run on every
/// provider: write them in an abstract class taking a <see cref="TestDatabase"/>, derive one sealed class per provider
/// (<c>...Tests</c> on SQLite, <c>Postgres...Tests</c> on PostgreSQL), or use <see cref="Providers"/> as theory data.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    /// <summary>Theory data: every durable provider.</summary>
    public static TheoryData<string> Providers => [nameof(StorageProvider.Sqlite), nameof(StorageProvider.Postgres)];

    /// <summary>The provider's name as in <c>Storage:Provider</c>.</summary>
    public abstract string Provider { get; }

    /// <summary>Configuration for a service host: <c>Storage:Provider</c> and the connection string.</summary>
    public abstract IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>Creates an empty database on <paramref name="provider"/> (<c>Sqlite</c> or <c>Postgres</c>).</summary>
    public static async Task<TestDatabase> CreateAsync(string provider, PostgresServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return provider switch
        {
            nameof(StorageProvider.Sqlite) => new SqliteTestDatabase(),
            nameof(StorageProvider.Postgres) => new PostgresTestDatabase(await server.CreateDatabaseAsync()),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Sqlite or Postgres."),
        };
    }

    /// <summary>Opens a new, independent, not yet migrated instance on the database.</summary>
    internal abstract IRelationalDatabase OpenDatabase();

    /// <summary>As <see cref="OpenDatabase"/>, shipping only the migrations up to <paramref name="version"/> (an older build).</summary>
    internal abstract IRelationalDatabase OpenDatabaseUpTo(int version);

    public abstract ValueTask DisposeAsync();

    private sealed class SqliteTestDatabase : TestDatabase
    {
        private readonly TemporarySqliteFile _file = new();

        public override string Provider => nameof(StorageProvider.Sqlite);

        public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Storage:Provider"] = Provider,
            ["ConnectionStrings:Sqlite"] = _file.ConnectionString,
        };

        internal override IRelationalDatabase OpenDatabase() => _file.OpenDatabase();

        internal override IRelationalDatabase OpenDatabaseUpTo(int version) =>
            _file.OpenDatabase([.. TemporarySqliteFile.ShippedMigrations.Where(m => m.Version <= version)]);

        public override ValueTask DisposeAsync()
        {
            _file.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class PostgresTestDatabase(TemporaryPostgresDatabase database) : TestDatabase
    {
        public override string Provider => nameof(StorageProvider.Postgres);

        public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Storage:Provider"] = Provider,
            ["ConnectionStrings:Postgres"] = database.ConnectionString,
        };

        internal override IRelationalDatabase OpenDatabase() => database.OpenDatabase();

        internal override IRelationalDatabase OpenDatabaseUpTo(int version) =>
            database.OpenDatabase([.. TemporaryPostgresDatabase.ShippedMigrations.Where(m => m.Version <= version)]);

        public override ValueTask DisposeAsync() => database.DisposeAsync();
    }
}
