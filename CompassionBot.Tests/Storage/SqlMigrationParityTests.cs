using CompassionBot.Storage;
using CompassionBot.Storage.Postgres;
using CompassionBot.Storage.Sqlite;

namespace CompassionBot.Tests.Storage;

/// <summary>The two providers' migrations mirror each other one for one, so a schema change is never made on one only.</summary>
public sealed class SqlMigrationParityTests
{
    [Fact]
    public void LoadEmbedded_BothProviders_ShipTheSameVersionsAndNames()
    {
        var sqlite = SqlMigration.LoadEmbedded(typeof(SqliteDatabase).Assembly, SqliteDatabase.MigrationResourcePrefix);
        var postgres = SqlMigration.LoadEmbedded(typeof(PostgresDatabase).Assembly, PostgresDatabase.MigrationResourcePrefix);

        Assert.NotEmpty(sqlite);
        Assert.Equal(sqlite.Select(m => m.Name), postgres.Select(m => m.Name));
    }
}
