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

    /// <summary>
    /// A database migrated by the hand-written runner that came before DbUp: its <c>schema_migrations</c> rows (version,
    /// name, timestamptz) are DbUp's journal, so only the scripts it lacks run, and its rows stay as they were.
    /// </summary>
    [Fact]
    public async Task EnsureMigratedAsync_DatabaseMigratedByTheEarlierRunner_AppliesOnlyTheMissingScripts()
    {
        var shipped = TemporaryPostgresDatabase.ShippedMigrations;
        await ExecuteAsync("CREATE TABLE schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL);");
        foreach (var migration in shipped.Take(3))
        {
            await ExecuteAsync(migration.Sql);
            await ExecuteAsync($"INSERT INTO schema_migrations VALUES ({migration.Version}, '{migration.Name}', '2026-01-05T10:00:00Z');");
        }

        await ExecuteAsync("INSERT INTO safety_plans (channel_id, user_id, plan_text, updated_at) VALUES ('sms', 'u', 'kept', 1);");

        var sut = Database.OpenDatabase();
        await sut.EnsureMigratedAsync(Ct);

        Assert.Equal(shipped.Select(m => m.Version), await VersionsAsync());
        Assert.Equal(sut.ExpectedSchemaVersion, sut.SchemaVersion);
        Assert.Equal("kept", await ScalarAsync("SELECT plan_text FROM safety_plans;"));
        Assert.Equal(3L, await ScalarAsync("SELECT count(*) FROM schema_migrations WHERE applied_at = '2026-01-05T10:00:00Z';"));
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
    [InlineData("Host=db;Database=clinic", PostgresDatabase.DefaultMaxAutoPrepare)]
    [InlineData("Host=db;Database=clinic;Max Auto Prepare=5", 5)]
    public void Constructor_MaxAutoPrepare_DefaultsUnlessConfigured(string connectionString, int expected)
    {
        using var sut = new PostgresDatabase(
            connectionString, [], TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<PostgresDatabase>.Instance);

        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(sut.DataSource.ConnectionString).MaxAutoPrepare);
    }

    [Fact]
    public void Constructor_PoolOfTwentyOne_GivesTurnsTenWithoutSessionResetAndTheRestElevenWithIt()
    {
        using var sut = new PostgresDatabase(
            "Host=db;Database=clinic;Maximum Pool Size=21", [], TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<PostgresDatabase>.Instance);

        // Of the turns' ten, a connection per core (at most a quarter of them) carries their multiplexed statements.
        var statementConnections = Math.Clamp(Environment.ProcessorCount, 1, 2);
        var turns = new NpgsqlConnectionStringBuilder(sut.TurnDataSource.ConnectionString);
        var statements = new NpgsqlConnectionStringBuilder(sut.StatementDataSource.ConnectionString);
        var others = new NpgsqlConnectionStringBuilder(sut.DataSource.ConnectionString);
        Assert.Equal((10 - statementConnections, 10 - statementConnections, true), (sut.TurnConnections, turns.MaxPoolSize, turns.NoResetOnClose));
        Assert.Equal((statementConnections, statementConnections, true), (sut.StatementConnections, statements.MaxPoolSize, statements.Multiplexing));
        Assert.Equal((11, false, false), (others.MaxPoolSize, others.NoResetOnClose, others.Multiplexing));
    }

    [Theory]
    [InlineData("Host=db;Database=clinic;Pooling=false")]
    [InlineData("Host=db;Database=clinic;Maximum Pool Size=4")]
    public void Constructor_NoPoolOrTooSmallToSplit_NothingMultiplexedAndEveryTurnHoldsTheLock(string connectionString)
    {
        using var sut = new PostgresDatabase(connectionString, [], TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<PostgresDatabase>.Instance);

        Assert.False(sut.MultiplexesStatements);
        Assert.Same(sut.TurnDataSource, sut.StatementDataSource);
        Assert.False(new NpgsqlConnectionStringBuilder(sut.TurnDataSource.ConnectionString).Multiplexing);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(21)]
    public void Constructor_AnyPoolSize_OpensNoMoreThanTheConfiguredMaximum(int maxPoolSize)
    {
        using var sut = new PostgresDatabase(
            $"Host=db;Database=clinic;Maximum Pool Size={maxPoolSize}", [], TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<PostgresDatabase>.Instance);

        var pools = new[] { sut.DataSource, sut.TurnDataSource, sut.StatementDataSource }.Distinct()
            .Sum(source => new NpgsqlConnectionStringBuilder(source.ConnectionString).MaxPoolSize);
        Assert.True(pools <= maxPoolSize, $"{pools} connections for Maximum Pool Size={maxPoolSize}");
    }

    [Fact]
    public void Constructor_MinimumPoolSizeAboveAPoolsShare_EachPoolKeepsAsManyAsItsMaximumAllows()
    {
        using var sut = new PostgresDatabase(
            "Host=db;Database=clinic;Minimum Pool Size=5", [], TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<PostgresDatabase>.Instance);

        var statements = new NpgsqlConnectionStringBuilder(sut.StatementDataSource.ConnectionString);
        var turns = new NpgsqlConnectionStringBuilder(sut.TurnDataSource.ConnectionString);
        Assert.Equal(Math.Min(5, statements.MaxPoolSize), statements.MinPoolSize);
        Assert.Equal(5, turns.MinPoolSize);
    }

    [Fact]
    public void Constructor_ConnectionStringAsksForMultiplexing_OnlyTheTurnsSingleStatementsAreMultiplexed()
    {
        // A turn holding its lock sends BEGIN and COMMIT in separate batches, and migrations hold a session lock: on a
        // multiplexed pool each batch could go to another connection.
        using var sut = new PostgresDatabase(
            "Host=db;Database=clinic;Multiplexing=true", [], TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<PostgresDatabase>.Instance);

        Assert.False(new NpgsqlConnectionStringBuilder(sut.TurnDataSource.ConnectionString).Multiplexing);
        Assert.False(new NpgsqlConnectionStringBuilder(sut.DataSource.ConnectionString).Multiplexing);
        Assert.True(new NpgsqlConnectionStringBuilder(sut.StatementDataSource.ConnectionString).Multiplexing);
    }

    [Fact]
    public async Task OpenTurnAsync_TurnConnection_CommitsWithoutWaitingForTheFlushAndOtherConnectionsKeepTheServerSetting()
    {
        // The test server itself may not wait for flushes; the database's own setting stands for a production server's.
        var name = new NpgsqlConnectionStringBuilder(Database.ConnectionString).Database;
        await ExecuteAsync($"ALTER DATABASE \"{name}\" SET synchronous_commit = on;");
        var sut = Database.OpenDatabase();

        await using var turn = await sut.OpenTurnAsync(Ct);
        await using var other = (NpgsqlConnection)await sut.OpenConnectionAsync(Ct);

        Assert.Equal(("off", "on"), (await SettingAsync(turn, "synchronous_commit"), await SettingAsync(other, "synchronous_commit")));
    }

    [Fact]
    public async Task CreateStatementBatchAsync_MultiplexedStatements_CommitWithoutWaitingForTheFlushAndArePlannedOnce()
    {
        var name = new NpgsqlConnectionStringBuilder(Database.ConnectionString).Database;
        await ExecuteAsync($"ALTER DATABASE \"{name}\" SET synchronous_commit = on;");
        var sut = Database.OpenDatabase();

        await using var batch = await sut.CreateStatementBatchAsync(Ct);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT current_setting('synchronous_commit'), current_setting('plan_cache_mode');"));
        await using var reader = await batch.ExecuteReaderAsync(Ct);
        await reader.ReadAsync(Ct);

        Assert.Equal(("off", "force_generic_plan"), (reader.GetString(0), reader.GetString(1)));
    }

    [Fact]
    public async Task OpenTurnAsync_TurnConnection_PlansItsStatementsOnceAndOtherConnectionsKeepTheServerSetting()
    {
        var sut = Database.OpenDatabase();

        await using var turn = await sut.OpenTurnAsync(Ct);
        await using var other = (NpgsqlConnection)await sut.OpenConnectionAsync(Ct);

        Assert.Equal(("force_generic_plan", "auto"), (await SettingAsync(turn, "plan_cache_mode"), await SettingAsync(other, "plan_cache_mode")));
    }

    [Theory]
    [InlineData("-c synchronous_commit=local", "local", "force_generic_plan")]
    [InlineData("-c plan_cache_mode=force_custom_plan", "off", "force_custom_plan")]
    public async Task OpenTurnAsync_ConnectionStringSetsOneTurnSetting_TurnsKeepItAndGetTheOther(string options, string synchronousCommit, string planCacheMode)
    {
        var configured = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Options = options };
        using var sut = new PostgresDatabase(
            configured.ConnectionString, TemporaryPostgresDatabase.ShippedMigrations, TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<PostgresDatabase>.Instance);

        await using var turn = await sut.OpenTurnAsync(Ct);

        Assert.Equal((synchronousCommit, planCacheMode), (await SettingAsync(turn, "synchronous_commit"), await SettingAsync(turn, "plan_cache_mode")));
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

    private static async Task<string?> SettingAsync(NpgsqlConnection connection, string name)
    {
        await using var command = new NpgsqlCommand("SELECT current_setting(@name);", connection);
        command.Parameters.AddWithValue("name", name);
        return (string?)await command.ExecuteScalarAsync(Ct);
    }
}
