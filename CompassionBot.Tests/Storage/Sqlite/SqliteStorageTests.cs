using CompassionBot.Dialogs.State;
using CompassionBot.Tests.Support;
using CompassionBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace CompassionBot.Tests.Storage.Sqlite;

/// <summary>The storage contract, and durability, against a real temporary SQLite file.</summary>
public sealed class SqliteStorageTests : StorageContractTests, IDisposable
{
    private readonly TemporarySqliteFile _file = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _file.Dispose();

    /// <summary>
    /// Concurrent writes are committed together (group commit), each in its own savepoint: of 40 writers expecting
    /// the same ETag exactly one wins, and each loser's other change, applied before its failed expectation, is
    /// undone with it while the winner's stays.
    /// </summary>
    [Fact]
    public async Task WriteAsync_FortyConcurrentWritersExpectingOneETag_OneWinsAndTheLosersLeaveNoTrace()
    {
        var sut = _file.OpenStorage();
        var etag = (await sut.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = new("0", null) }, Ct))["a"];

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 40).Select(i => Task.Run(
            async () =>
            {
                var changes = new Dictionary<string, StoreItem> { [$"own{i}"] = new("{}", null), ["a"] = new($"{i}", etag) };
                try
                {
                    return (Writer: i, ETag: (await sut.WriteAsync(changes, Ct))["a"]);
                }
                catch (StorageConcurrencyException)
                {
                    return (Writer: i, ETag: (string?)null);
                }
            },
            Ct)));

        var winner = Assert.Single(outcomes, o => o.ETag is not null);
        var read = await _file.OpenStorage().ReadAsync([.. Enumerable.Range(1, 40).Select(i => $"own{i}"), "a"], Ct);
        Assert.Equal(new StoreItem($"{winner.Writer}", winner.ETag), read["a"]);
        Assert.Equal([$"own{winner.Writer}", "a"], read.Keys.Order(StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public async Task ReadAsync_AfterClosingAndReopeningFile_ReturnsCommittedDocuments()
    {
        var before = _file.OpenStorage();
        var etags = await before.WriteAsync(
            new Dictionary<string, StoreItem> { ["a"] = new("{\"step\":3}", null), ["b"] = new("{\"pre\":7}", null) }, Ct);
        _file.CloseAll();

        var sut = _file.OpenStorage();
        var read = await sut.ReadAsync(["a", "b"], Ct);

        Assert.Equal(new StoreItem("{\"step\":3}", etags["a"]), read["a"]);
        Assert.Equal(new StoreItem("{\"pre\":7}", etags["b"]), read["b"]);
    }

    [Fact]
    public async Task WriteAsync_FirstUse_CreatesFolderAndFileInWalMode()
    {
        var sut = _file.OpenStorage();

        await sut.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = new("1", null) }, Ct);

        Assert.True(File.Exists(_file.FilePath));
        using var connection = new SqliteConnection($"Data Source={_file.FilePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    /// <summary>
    /// The state writer shares the database's write connection with clinic-record writes; when one of those leaves it
    /// closed, the connection is replaced and the state writer prepares its statements again on the new one.
    /// </summary>
    [Fact]
    public async Task WriteAsync_AfterAClinicRecordWriteClosedTheSharedConnection_StillCommits()
    {
        var database = _file.OpenDatabase();
        using var sut = new SqliteStorage(database, 1, TimeProvider.System, NullLogger<SqliteStorage>.Instance);
        var first = await sut.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = new("1", null) }, Ct);
        await using (var careless = await database.OpenWriteAsync(Ct))
        {
            await careless.Connection.CloseAsync();
        }

        await sut.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = new("2", first["a"]) }, Ct);

        Assert.Equal("2", (await sut.ReadAsync(["a"], Ct))["a"].Json);
    }

    [Fact]
    public async Task ReadAsync_AfterDispose_ThrowsObjectDisposed()
    {
        var sut = _file.OpenStorage();
        sut.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => sut.ReadAsync(["a"], Ct));
    }

    private protected override IStorage OpenStorage() => _file.OpenStorage();
}
