using System.Data.Common;
using Dapper;

namespace CompassionBot.Storage.Relational;

/// <summary>
/// Readiness of the relational database (SQLite file or PostgreSQL): not ready until this process's start-up
/// migration has finished; then ready while a fresh connection can read a schema version at least the newest this
/// build ships.
/// </summary>
internal sealed class RelationalStorageReadiness(IRelationalDatabase database) : IStorageReadiness
{
    public async Task<StorageReadiness> CheckAsync(CancellationToken cancellationToken)
    {
        var expected = database.ExpectedSchemaVersion;
        if (database.SchemaVersion < expected)
        {
            return StorageReadiness.NotReady(false, database.SchemaVersion, expected, StorageReadiness.MigrationsPending);
        }

        try
        {
            var connection = await database.OpenProbeConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var version = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                    "SELECT COALESCE(MAX(version), 0) FROM schema_migrations;", cancellationToken: cancellationToken)).ConfigureAwait(false);
                return StorageReadiness.Ready(version, expected);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or DbException or TimeoutException)
        {
            // The exception names the file or server; the probe's answer must not.
            return StorageReadiness.NotReady(false, 0, expected, StorageReadiness.Unreachable);
        }
    }
}
