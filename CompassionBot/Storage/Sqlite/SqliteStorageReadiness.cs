using Microsoft.Data.Sqlite;

namespace CompassionBot.Storage.Sqlite;

/// <summary>
/// Readiness of the SQLite file: not ready until this process's start-up migration has finished; then ready while a
/// fresh connection can open the file and read a schema version at least the newest embedded migration's.
/// </summary>
internal sealed class SqliteStorageReadiness : IStorageReadiness
{
    private readonly SqliteDatabase _database;
    private readonly int _expectedVersion;

    public SqliteStorageReadiness(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        var migrations = SqlMigration.LoadEmbedded(typeof(SqliteDatabase).Assembly, SqliteDatabase.MigrationResourcePrefix);
        _expectedVersion = migrations.Count == 0 ? 0 : migrations.Max(m => m.Version);
    }

    public Task<StorageReadiness> CheckAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_database.SchemaVersion < _expectedVersion)
        {
            return Task.FromResult(StorageReadiness.NotReady(false, _database.SchemaVersion, _expectedVersion, StorageReadiness.MigrationsPending));
        }

        try
        {
            using var connection = _database.OpenConnection();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations;";
            var version = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            return Task.FromResult(StorageReadiness.Ready(version, _expectedVersion));
        }
        catch (Exception ex) when (ex is InvalidOperationException or SqliteException)
        {
            // The exception names the file; the probe's answer must not.
            return Task.FromResult(StorageReadiness.NotReady(false, 0, _expectedVersion, StorageReadiness.Unreachable));
        }
    }
}
