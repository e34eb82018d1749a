using CompassionBot.Storage;
using CompassionBot.Storage.Postgres;
using CompassionBot.Tests.Support;
using Npgsql;

namespace CompassionBot.Tests.Storage.Postgres;

public sealed class PostgresDatabaseTests(PostgresServer server) : PostgresDatabaseTest(server)
{
    private static readonly SqlMigration CreateNotes = new(1, "0001_notes", "CREATE TABLE notes (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, text TEXT NOT NULL);");
    private static readonly SqlMigration AddTags = new(2, "0002_tags", "CREATE TABLE tags (note_id BIGINT NOT NULL REFERENCES notes (id), tag TEXT NOT NULL);");
    private static readonly SqlMigration Broken = new(3, "0003_broken", "CREATE TABLE tags (again TEXT);");

    [Fact]
    public async Task EnsureMigratedAsync_RunTwice_AppliesEachShippedMigrationOnce()
    {
        await Database.OpenDatabase().EnsureMigratedAsync(Ct);
        var sut = Database.OpenDatabase();

        await sut.EnsureMigratedAsync(Ct);

        var expected = TemporaryPostgresDatabase.ShippedMigrations;
        Assert.Equal(expected.Select(m => m.Version), await VersionsAsync());
        Assert.Equal(expected[^1].Version, sut.SchemaVersion);
        Assert.Equal(sut.ExpectedSchemaVersion, sut.SchemaVersion);
    }

    [Fact]
    public async Task EnsureMigratedAsync_FourInstancesAtOnce_AppliesEachMigrationOnce()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => Database.OpenDatabase([CreateNotes, AddTags])).ToList();

        await Task.WhenAll(instances.Select(i => Task.Run(() => i.EnsureMigratedAsync(Ct), Ct)));

        Assert.Equal([1, 2], await VersionsAsync());
        Assert.All(instances, i => Assert.Equal(2, i.SchemaVersion));
    }

    [Fact]
    public async Task EnsureMigratedAsync_NewMigrationAdded_AppliesOnlyTheNewOneAndKeepsRows()
    {
        var before = Database.OpenDatabase([CreateNotes]);
        await before.EnsureMigratedAsync(Ct);
        await ExecuteAsync("INSERT INTO notes (text) VALUES ('kept');");

        var sut = Database.OpenDatabase([CreateNotes, AddTags]);
        await sut.EnsureMigratedAsync(Ct);

        Assert.Equal([1, 2], await VersionsAsync());
        Assert.Equal("kept", await ScalarAsync("SELECT text FROM notes;"));
    }

    [Fact]
    public async Task EnsureMigratedAsync_FailingMigration_NamesItAndAppliesNothingOfTheBatch()
    {
        await Database.OpenDatabase([CreateNotes]).EnsureMigratedAsync(Ct);
        var sut = Database.OpenDatabase([CreateNotes, AddTags, Broken]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sut.EnsureMigratedAsync(Ct));

        Assert.Contains("0003_broken", error.Message, StringComparison.Ordinal);
        Assert.Equal([1], await VersionsAsync());
    }

    [Fact]
    public async Task OpenConnectionAsync_ServerNotListening_SaysWhichDatabaseWithoutThePassword()
    {
        var sut = new PostgresDatabase(
            "Host=127.0.0.1;Port=1;Database=clinic;Username=bot;Password=s3cret-value;Timeout=2",
            TemporaryPostgresDatabase.ShippedMigrations, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<PostgresDatabase>.Instance);
        await using var _ = sut;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sut.OpenConnectionAsync(Ct));

        Assert.Contains("127.0.0.1:1/clinic", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Host=db;Database=clinic;Nonsense Keyword=1")]
    [InlineData("Database=clinic")]
    [InlineData("Host=db")]
    public void Validate_UnusableConnectionString_ExplainsWithoutQuotingIt(string connectionString)
    {
        var problem = PostgresDatabase.Validate(connectionString);

        Assert.NotNull(problem);
        Assert.Contains("ConnectionStrings:Postgres", problem, StringComparison.Ordinal);
        if (connectionString.Length > 0)
        {
            Assert.DoesNotContain(connectionString, problem, StringComparison.Ordinal);
        }
    }

    private async Task<List<int>> VersionsAsync()
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT version FROM schema_migrations ORDER BY version;", connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var versions = new List<int>();
        while (await reader.ReadAsync(Ct))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(Ct);
    }
}
