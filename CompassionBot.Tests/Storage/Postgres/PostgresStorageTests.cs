using CompassionBot.Dialogs.State;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Storage.Postgres;

/// <summary>The storage contract, and cross-instance behaviour, against a real PostgreSQL database.</summary>
public sealed class PostgresStorageTests(PostgresServer server) : StorageContractTests, IAsyncLifetime
{
    private TemporaryPostgresDatabase? _database;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TemporaryPostgresDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync() => _database = await server.CreateDatabaseAsync();

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task WriteAsync_TwoInstancesRaceOnOneETag_ExactlyOneWins()
    {
        var first = Database.OpenStorage();
        var second = Database.OpenStorage();
        var etag = (await first.WriteAsync(new Dictionary<string, StoreItem> { ["c"] = new("0", null) }, Ct))["c"];

        var outcomes = await Task.WhenAll(
            Outcome(first.WriteAsync(new Dictionary<string, StoreItem> { ["c"] = new("1", etag) }, Ct)),
            Outcome(second.WriteAsync(new Dictionary<string, StoreItem> { ["c"] = new("2", etag) }, Ct)));

        Assert.Single(outcomes, won => won);
        var stored = (await second.ReadAsync(["c"], Ct))["c"].Json;
        Assert.Contains(stored, new[] { "1", "2" });
    }

    [Fact]
    public async Task WriteAsync_BatchWithOneStaleETag_LeavesEveryDocumentUnchanged()
    {
        var sut = Database.OpenStorage();
        var etags = await sut.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = new("1", null), ["b"] = new("1", null) }, Ct);
        await sut.WriteAsync(new Dictionary<string, StoreItem> { ["b"] = new("2", etags["b"]) }, Ct);

        await Assert.ThrowsAsync<StorageConcurrencyException>(() =>
            sut.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = new("3", etags["a"]), ["b"] = new("3", etags["b"]) }, Ct));

        var read = await Database.OpenStorage().ReadAsync(["a", "b"], Ct);
        Assert.Equal("1", read["a"].Json);
        Assert.Equal("2", read["b"].Json);
    }

    private static async Task<bool> Outcome(Task write)
    {
        try
        {
            await write;
            return true;
        }
        catch (StorageConcurrencyException)
        {
            return false;
        }
    }

    private protected override IStorage OpenStorage() => Database.OpenStorage();
}
