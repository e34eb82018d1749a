using CompassionBot.Storage;
using CompassionBot.Storage.Sqlite;
using CompassionBot.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CompassionBot.Tests.Storage.Sqlite;

public sealed class SqliteDatabaseTests : IDisposable
{
    private static readonly SqlMigration CreateNotes = new(1, "0001_notes", "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);");
    private static readonly SqlMigration AddTags = new(2, "0002_tags", "CREATE TABLE tags (note_id INTEGER NOT NULL REFERENCES notes (id), tag TEXT NOT NULL);");

    private readonly TemporarySqliteFile _file = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task OpenConnectionAsync_AgainAfterDispose_ReusesTheConnectionWithItsSettings()
    {
        var sut = _file.OpenDatabase();
        var first = await PooledHandleAsync(sut);

        await using var second = (SqliteConnection)await sut.OpenConnectionAsync(Ct);

        Assert.NotNull(first);
        Assert.Same(first, second.Handle);
        Assert.Equal(1L, Pragma(second, "foreign_keys"));
        Assert.Equal(5000L, Pragma(second, "busy_timeout"));
        Assert.Equal((long)SqliteDatabase.AutoCheckpointPages, Pragma(second, "wal_autocheckpoint"));
        Assert.Equal("wal", Pragma(second, "journal_mode"));
    }

    [Fact]
    public async Task OpenWriteAsync_HoldsTheWriteLockUntilDisposedAndSignalsTheCheckpointer()
    {
        var sut = _file.OpenDatabase();
        var write = await sut.OpenWriteAsync(Ct);
        var second = sut.OpenWriteAsync(Ct);

        Assert.Equal(0, sut.WriteLock.CurrentCount);
        Assert.False(sut.Writes.TryRead(out _));
        Assert.False(second.IsCompleted);
        await write.DisposeAsync();
        await using var next = await second.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.True(sut.Writes.TryRead(out _));
        Assert.Same(sut.WriterConnection(), next.Connection);
        Assert.Equal(System.Data.ConnectionState.Open, next.Connection.State);
    }

    [Fact]
    public async Task OpenWriteAsync_TransactionLeftOpen_IsRolledBackAndTheNextWriteCommits()
    {
        var sut = _file.OpenDatabase([CreateNotes]);
        await using (var abandoned = await sut.OpenWriteAsync(Ct))
        {
            await abandoned.Connection.ExecuteAsync("BEGIN; INSERT INTO notes (id, text) VALUES (1, 'abandoned');");
        }

        await using (var next = await sut.OpenWriteAsync(Ct))
        {
            await next.Connection.ExecuteAsync("INSERT INTO notes (id, text) VALUES (2, 'kept');");
        }

        await using var reader = await sut.OpenConnectionAsync(Ct);
        Assert.Equal("2", await reader.ExecuteScalarAsync<string>("SELECT group_concat(id) FROM notes;"));
    }

    [Fact]
    public async Task OpenWriteAsync_CannotOpen_ReleasesTheWriteLock()
    {
        var sut = _file.OpenDatabase();
        await sut.EnsureMigratedAsync(Ct);
        File.Delete(_file.FilePath);
        Directory.CreateDirectory(_file.FilePath);

        await Assert.ThrowsAsync<InvalidOperationException>(() => sut.OpenWriteAsync(Ct));

        Assert.Equal(1, sut.WriteLock.CurrentCount);
    }

    [Fact]
    public async Task OpenWriteAsync_ConnectionClosedByTheCaller_IsReopenedForTheNextWrite()
    {
        var sut = _file.OpenDatabase([CreateNotes]);
        await using (var careless = await sut.OpenWriteAsync(Ct))
        {
            await careless.Connection.CloseAsync();
        }

        await using var next = await sut.OpenWriteAsync(Ct);
        await next.Connection.ExecuteAsync("INSERT INTO notes (id, text) VALUES (1, 'kept');");

        Assert.Equal(System.Data.ConnectionState.Open, next.Connection.State);
    }

    [Fact]
    public async Task Dispose_WhileAWriteRuns_WaitsForItAndLaterWritesFail()
    {
        var sut = _file.OpenDatabase([CreateNotes]);
        var running = await sut.OpenWriteAsync(Ct);

        var disposing = Task.Run(sut.Dispose, Ct);
        var disposedUnderTheWrite = await Task.WhenAny(disposing, Task.Delay(TimeSpan.FromMilliseconds(300), Ct)) == disposing;
        await running.Connection.ExecuteAsync("INSERT INTO notes (id, text) VALUES (1, 'finished');");
        await running.DisposeAsync();
        await disposing.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.False(disposedUnderTheWrite);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => sut.OpenWriteAsync(Ct));
        Assert.Equal(1, sut.WriteLock.CurrentCount);
    }

    [Fact]
    public async Task OpenProbeConnectionAsync_IsNeverAPooledConnection()
    {
        var sut = _file.OpenDatabase();
        var pooled = await PooledHandleAsync(sut);

        await using var probe = (SqliteConnection)await sut.OpenProbeConnectionAsync(Ct);

        Assert.NotSame(pooled, probe.Handle);
    }

    [Fact]
    public async Task EnsureMigratedAsync_RunTwiceOnOneFile_AppliesEachMigrationOnce()
    {
        await _file.OpenDatabase().EnsureMigratedAsync(Ct);
        var sut = _file.OpenDatabase();

        await sut.EnsureMigratedAsync(Ct);

        var expected = TemporarySqliteFile.ShippedMigrations;
        Assert.Equal(expected.Select(m => (long)m.Version), Versions(sut));
        Assert.Equal(expected[^1].Version, sut.SchemaVersion);
    }

    [Fact]
    public async Task EnsureMigratedAsync_TwoInstancesAtOnce_AppliesEachMigrationOnce()
    {
        var first = _file.OpenDatabase([CreateNotes, AddTags]);
        var second = _file.OpenDatabase([CreateNotes, AddTags]);

        await Task.WhenAll(Task.Run(() => first.EnsureMigratedAsync(Ct), Ct), Task.Run(() => second.EnsureMigratedAsync(Ct), Ct));

        Assert.Equal([1L, 2L], Versions(first));
        Assert.Equal(2, first.SchemaVersion);
        Assert.Equal(2, second.SchemaVersion);
    }

    [Fact]
    public async Task EnsureMigratedAsync_NewMigrationAdded_AppliesOnlyTheNewOne()
    {
        var before = _file.OpenDatabase([CreateNotes]);
        await before.EnsureMigratedAsync(Ct);
        Execute(before, "INSERT INTO notes (text) VALUES ('kept');");

        var sut = _file.OpenDatabase([CreateNotes, AddTags]);
        await sut.EnsureMigratedAsync(Ct);

        Assert.Equal([1L, 2L], Versions(sut));
        Assert.Equal("kept", Scalar(sut, "SELECT text FROM notes;"));
        Assert.Equal(0L, Scalar(sut, "SELECT count(*) FROM tags;"));
    }

    [Fact]
    public async Task EnsureMigratedAsync_FailingMigration_AppliesNoneAndNamesTheScript()
    {
        var broken = new SqlMigration(2, "0002_broken", "CREATE TABLE tags (;");
        var sut = _file.OpenDatabase([CreateNotes, broken]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sut.EnsureMigratedAsync(Ct));

        Assert.Contains("0002_broken", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, Scalar(sut, "SELECT count(*) FROM sqlite_master WHERE name IN ('notes', 'tags');"));
        Assert.Empty(Versions(sut));
    }

    /// <summary>
    /// A file migrated by the hand-written runner that came before DbUp: its <c>schema_migrations</c> rows (version,
    /// name, ISO-8601 text) are DbUp's journal, so only the scripts it lacks run, and its rows stay as they were.
    /// </summary>
    [Fact]
    public async Task EnsureMigratedAsync_FileMigratedByTheEarlierRunner_AppliesOnlyTheMissingScripts()
    {
        var shipped = TemporarySqliteFile.ShippedMigrations;
        using (var old = _file.OpenDatabase([]).OpenConnection())
        {
            Execute(old, "CREATE TABLE schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);");
            foreach (var migration in shipped.Take(3))
            {
                Execute(old, migration.Sql);
                Execute(old, $"INSERT INTO schema_migrations VALUES ({migration.Version}, '{migration.Name}', '2026-01-05T10:00:00.0000000+00:00');");
            }

            Execute(old, "INSERT INTO safety_plans (channel_id, user_id, plan_text, updated_at) VALUES ('sms', 'u', 'kept', 1);");
        }

        var sut = _file.OpenDatabase();
        await sut.EnsureMigratedAsync(Ct);

        Assert.Equal(shipped.Select(m => (long)m.Version), Versions(sut));
        Assert.Equal(sut.ExpectedSchemaVersion, sut.SchemaVersion);
        Assert.Equal("kept", Scalar(sut, "SELECT plan_text FROM safety_plans;"));
        Assert.Equal(3L, Scalar(sut, "SELECT count(*) FROM schema_migrations WHERE applied_at = '2026-01-05T10:00:00.0000000+00:00';"));
    }

    [Fact]
    public void OpenConnection_NewFile_AppliesPragmas()
    {
        var sut = _file.OpenDatabase();

        using var connection = sut.OpenConnection();

        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
        Assert.Equal(1L, Scalar(connection, "PRAGMA synchronous;"));
        Assert.Equal(1L, Scalar(connection, "PRAGMA foreign_keys;"));
        Assert.Equal(5000L, Scalar(connection, "PRAGMA busy_timeout;"));
    }

    [Fact]
    public void OpenConnection_PathIsAFolder_ThrowsNamingTheFile()
    {
        Directory.CreateDirectory(_file.FilePath);
        var sut = _file.OpenDatabase();

        var error = Assert.Throws<InvalidOperationException>(sut.OpenConnection);

        Assert.Contains(_file.FilePath, error.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:Sqlite", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FilePath_RelativeDataSource_ResolvesAgainstCurrentDirectory()
    {
        using var sut = new SqliteDatabase(
            StorageOptions.DefaultSqliteConnectionString, TimeSpan.FromSeconds(1), [], TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<SqliteDatabase>.Instance);

        Assert.Equal(Path.GetFullPath(Path.Combine("data", "compassionbot.db")), sut.FilePath);
    }

    [Theory]
    [InlineData("Data Source=:memory:", "in-memory")]
    [InlineData("Data Source=x.db;Mode=Memory", "in-memory")]
    [InlineData("Mode=ReadWriteCreate", "no Data Source")]
    [InlineData("Data Source=x.db;Mode=ReadOnly", "read-only")]
    [InlineData("Data Source=x.db;Colour=blue", "not a valid SQLite connection string")]
    public void Validate_UnusableConnectionString_ExplainsWhy(string connectionString, string expected)
    {
        var problem = SqliteDatabase.Validate(connectionString);

        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadEmbedded_ShippedScripts_AreOrderedAndStartWithBotState()
    {
        var migrations = TemporarySqliteFile.ShippedMigrations;

        Assert.Equal("0001_bot_state", migrations[0].Name);
        Assert.Equal(migrations.OrderBy(m => m.Version).Select(m => m.Version), migrations.Select(m => m.Version));
    }

    private static List<long> Versions(SqliteDatabase database)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_migrations ORDER BY version;";
        try
        {
            using var reader = command.ExecuteReader();
            var versions = new List<long>();
            while (reader.Read())
            {
                versions.Add(reader.GetInt64(0));
            }

            return versions;
        }
        catch (SqliteException ex) when (ex.Message.Contains("no such table", StringComparison.Ordinal))
        {
            return [];
        }
    }

    private static object? Scalar(SqliteDatabase database, string sql)
    {
        using var connection = database.OpenConnection();
        return Scalar(connection, sql);
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteDatabase database, string sql) => Scalar(database, sql);

    private static void Execute(SqliteConnection connection, string sql) => Scalar(connection, sql);

    // Opens a pooled connection and gives it back to the pool, returning its native handle.
    private static async Task<SQLitePCL.sqlite3?> PooledHandleAsync(SqliteDatabase database)
    {
        await using var connection = (SqliteConnection)await database.OpenConnectionAsync(Ct);
        return connection.Handle;
    }

    private static object? Pragma(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return command.ExecuteScalar();
    }
}
