using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CompassionBot.Storage.Sqlite;

/// <summary>
/// Applies pending <see cref="SqlMigration"/>s in one <c>BEGIN IMMEDIATE</c> transaction, recording each in
/// <c>schema_migrations</c>. The write lock is taken before the applied versions are read, so a second process
/// starting at the same moment waits (busy_timeout) and then finds nothing left to do.
/// </summary>
internal static class SqliteMigrationRunner
{
    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER NOT NULL PRIMARY KEY,
            name       TEXT    NOT NULL,
            applied_at TEXT    NOT NULL
        );
        """;

    /// <summary>Runs the migrations not yet applied; returns their names and the resulting schema version.</summary>
    public static (IReadOnlyList<string> Applied, int Version) Migrate(
        SqliteConnection connection, IReadOnlyList<SqlMigration> migrations, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(migrations);
        connection.Execute("BEGIN IMMEDIATE;");
        try
        {
            connection.Execute(CreateTable);
            var done = AppliedVersions(connection);
            var applied = new List<string>();
            foreach (var migration in migrations.Where(m => !done.Contains(m.Version)).OrderBy(m => m.Version))
            {
                Apply(connection, migration, now);
                done.Add(migration.Version);
                applied.Add(migration.Name);
            }

            connection.Execute("COMMIT;");
            return (applied, done.Count == 0 ? 0 : done.Max());
        }
        catch
        {
            connection.RollbackIfActive();
            throw;
        }
    }

    private static void Apply(SqliteConnection connection, SqlMigration migration, DateTimeOffset now)
    {
        try
        {
            connection.Execute(migration.Sql);
        }
        catch (SqliteException ex)
        {
            throw new InvalidOperationException($"SQLite migration {migration.Name} failed: {ex.Message}", ex);
        }

        using var record = connection.CreateCommand();
        record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($version, $name, $at);";
        record.Parameters.AddWithValue("$version", migration.Version);
        record.Parameters.AddWithValue("$name", migration.Name);
        record.Parameters.AddWithValue("$at", now.ToString("O", CultureInfo.InvariantCulture));
        record.ExecuteNonQuery();
    }

    private static HashSet<int> AppliedVersions(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_migrations;";
        using var reader = command.ExecuteReader();
        var versions = new HashSet<int>();
        while (reader.Read())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }
}
