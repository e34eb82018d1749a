using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CompassionBot.Tests.Support;

/// <summary>
/// Tests of the real bot over /api/messages on a durable store (a SQLite file or a PostgreSQL database, by
/// <paramref name="provider"/>): one instance started for each test, more on the same database with
/// <see cref="StartInstance"/>, all on one fake clock.
/// </summary>
public abstract class DurableBotHostTests(string provider, PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private BotApplicationFactory _sut = null!;
    private HttpClient _http = null!;

    private protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The clock of every instance.</summary>
    private protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The instance started for the test.</summary>
    private protected BotApplicationFactory Sut => _sut;

    /// <summary>A client of <see cref="Sut"/>.</summary>
    private protected HttpClient Http => _http;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider, server);
        _sut = StartInstance();
        _http = _sut.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _sut.DisposeAsync();
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Another instance of the service on the same database, with <paramref name="settings"/> on top.</summary>
    private protected BotApplicationFactory StartInstance(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(_database.Settings) { ["Logging:LogLevel:Default"] = "Warning" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new BotApplicationFactory(all, services => services.AddSingleton<TimeProvider>(Time));
    }
}
