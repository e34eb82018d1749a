using CompassionBot.Dialogs.State;
using CompassionBot.Storage.Relational;
using CompassionBot.Storage.Sqlite;
using CompassionBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CompassionBot.Tests.Storage.Sqlite;

/// <summary>The background checkpoint of the SQLite write-ahead log, on a real file.</summary>
public sealed class SqliteCheckpointServiceTests : IDisposable
{
    private static readonly string Page = new('x', 3000);
    private readonly TemporarySqliteFile _file = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task CheckpointAsync_LargeLog_CopiesEveryPageAndTheNextWriteStartsTheLogOver()
    {
        var database = _file.OpenDatabase();
        var storage = new SqliteStorage(database, 1, TimeProvider.System, NullLogger<SqliteStorage>.Instance);
        await WriteDocumentsAsync(storage, "a", 1200);
        var before = WalIndex();
        using var connection = database.OpenConnection();

        await SqliteCheckpointService.CheckpointAsync(database, connection, Ct);
        var afterCheckpoint = WalIndex();
        await WriteDocumentsAsync(storage, "b", 1);

        // SQLite's own checkpoint (at 8000 pages) never ran: the log held every page until the service copied it.
        Assert.InRange(before.LogPages, (uint)SqliteCheckpointService.RestartPages, (uint)SqliteDatabase.AutoCheckpointPages - 1);
        Assert.Equal(0u, before.CopiedPages);
        Assert.Equal(before.LogPages, afterCheckpoint.LogPages);
        Assert.Equal(afterCheckpoint.LogPages, afterCheckpoint.CopiedPages);
        Assert.InRange(WalIndex().LogPages, 1u, 10u);
        using var observer = Open();
        Assert.Equal(1201, Count(observer));
        storage.Dispose();
    }

    [Fact]
    public async Task Service_AfterWrites_CopiesTheLogIntoTheFileWithoutAnyTurnDoingIt()
    {
        await using var provider = new ServiceCollection().AddSingleton<IRelationalDatabase>(_file.OpenDatabase()).BuildServiceProvider();
        var database = (SqliteDatabase)provider.GetRequiredService<IRelationalDatabase>();
        using var sut = new SqliteCheckpointService(provider, TimeProvider.System, NullLogger<SqliteCheckpointService>.Instance);
        var storage = new SqliteStorage(database, 1, TimeProvider.System, NullLogger<SqliteStorage>.Instance);
        await sut.StartAsync(Ct);

        await WriteDocumentsAsync(storage, "a", 300);

        for (var waited = 0; !FullyCopied() && waited < 400; waited++)
        {
            await Task.Delay(50, Ct);
        }

        await sut.StopAsync(Ct);
        Assert.True(FullyCopied(), "the background service should have copied the whole log into the file");
        using var observer = Open();
        Assert.Equal(300, Count(observer));
        storage.Dispose();
    }

    private static async Task WriteDocumentsAsync(SqliteStorage storage, string prefix, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await storage.WriteAsync(new Dictionary<string, StoreItem> { [$"{prefix}{i}"] = new($"{{\"text\":\"{Page}\"}}", null) }, Ct);
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={_file.FilePath};Pooling=False");
        connection.Open();
        return connection;
    }

    private (uint LogPages, uint CopiedPages) WalIndex() => SqliteWalIndex.Read(_file.FilePath);

    private bool FullyCopied() => WalIndex() is { LogPages: > 0 } index && index.CopiedPages == index.LogPages;

    private static long Count(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM bot_state;";
        return (long)command.ExecuteScalar()!;
    }
}
