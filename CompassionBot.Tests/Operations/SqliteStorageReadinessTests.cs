using CompassionBot.Storage;
using CompassionBot.Storage.Sqlite;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Operations;

public sealed class SqliteStorageReadinessTests
{
    [Fact]
    public async Task CheckAsync_BeforeMigration_IsNotReadyWithMigrationsPending()
    {
        using var file = new TemporarySqliteFile();
        var sut = new SqliteStorageReadiness(file.OpenDatabase());

        var result = await sut.CheckAsync(TestContext.Current.CancellationToken);

        Assert.False(result.IsReady);
        Assert.Equal(StorageReadiness.MigrationsPending, result.Reason);
        Assert.Equal(TemporarySqliteFile.ShippedMigrations.Max(m => m.Version), result.ExpectedVersion);
    }

    [Fact]
    public async Task CheckAsync_AfterMigration_IsReadyAtTheExpectedVersion()
    {
        using var file = new TemporarySqliteFile();
        var database = file.OpenDatabase();
        await database.EnsureMigratedAsync(TestContext.Current.CancellationToken);
        var sut = new SqliteStorageReadiness(database);

        var result = await sut.CheckAsync(TestContext.Current.CancellationToken);

        Assert.True(result.IsReady);
        Assert.Null(result.Reason);
        Assert.Equal(result.ExpectedVersion, result.SchemaVersion);
    }
}
