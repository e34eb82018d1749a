namespace CompassionBot.Tests.Support;

/// <summary>
/// Base of SMS and check-in tests that run once per provider: each test gets a fresh <see cref="TestDatabase"/> on
/// <c>provider</c> and starts <see cref="SmsTestHost"/>s on it. Derive one sealed class per provider.
/// </summary>
public abstract class SmsHostTests(PostgresServer server, string provider) : IAsyncLifetime
{
    private TestDatabase? _database;

    /// <summary>This test's database.</summary>
    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync(provider, server);

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Starts the service on this test's database.</summary>
    internal Task<SmsTestHost> StartAsync(DateTimeOffset now, IReadOnlyDictionary<string, string?>? extra = null) => SmsTestHost.StartAsync(Database, now, extra);
}
