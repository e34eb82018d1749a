using Npgsql;

namespace CompassionBot.Storage.Postgres;

/// <summary>
/// Applies pending <see cref="SqlMigration"/>s in one transaction, recording each in <c>schema_migrations</c>. A
/// transaction-scoped advisory lock is taken first, so instances starting at the same moment run one after another
/// and the later ones find nothing left to do.
/// </summary>
internal static class PostgresMigrationRunner
{
    /// <summary>The advisory lock key every instance uses for migrations ("CBmigr" as bytes).</summary>
    public const long AdvisoryLockKey = 0x4342_6D69_6772;

    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER     NOT NULL PRIMARY KEY,
            name       TEXT        NOT NULL,
            applied_at TIMESTAMPTZ NOT NULL
        );
        """;

    /// <summary>Runs the migrations not yet applied; returns their names and the resulting schema version.</summary>
    public static async Task<(IReadOnlyList<string> Applied, int Version)> MigrateAsync(
        NpgsqlConnection connection, IReadOnlyList<SqlMigration> migrations, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(migrations);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey});", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, CreateTable, cancellationToken).ConfigureAwait(false);
            var done = await AppliedVersionsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            var applied = new List<string>();
            foreach (var migration in migrations.Where(m => !done.Contains(m.Version)).OrderBy(m => m.Version))
            {
                try
                {
                    await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
                }
                catch (PostgresException ex)
                {
                    throw new InvalidOperationException($"PostgreSQL migration {migration.Name} failed: {ex.MessageText}", ex);
                }

                await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at);", connection, transaction))
                {
                    record.Parameters.AddWithValue("version", migration.Version);
                    record.Parameters.AddWithValue("name", migration.Name);
                    record.Parameters.AddWithValue("at", now.ToUniversalTime());
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                done.Add(migration.Version);
                applied.Add(migration.Name);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return (applied, done.Count == 0 ? 0 : done.Max());
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version FROM schema_migrations;", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }
}
