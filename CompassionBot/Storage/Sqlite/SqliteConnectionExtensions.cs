using Microsoft.Data.Sqlite;

namespace CompassionBot.Storage.Sqlite;

/// <summary>Raw transaction helpers (we issue BEGIN/COMMIT ourselves so prepared commands need no transaction object).</summary>
internal static class SqliteConnectionExtensions
{
    /// <summary>Runs one statement (or script) and discards any rows.</summary>
    public static void Execute(this SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Rolls back the open transaction, if any. SQLite already rolls back by itself after some errors (full disk,
    /// I/O), and a ROLLBACK then would fail and hide the original error.
    /// </summary>
    public static void RollbackIfActive(this SqliteConnection connection)
    {
        if (connection.Handle is { } handle && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0)
        {
            connection.Execute("ROLLBACK;");
        }
    }
}
