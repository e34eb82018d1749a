namespace CompassionBot.Tests.Support;

/// <summary>A test class that gets its own fresh PostgreSQL database per test, dropped afterwards.</summary>
public abstract class PostgresDatabaseTest(PostgresServer server) : IAsyncLifetime
{
    private TemporaryPostgresDatabase? _database;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>This test's database.</summary>
    protected TemporaryPostgresDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync() => _database = await server.CreateDatabaseAsync();

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
