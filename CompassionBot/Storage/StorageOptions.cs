using System.ComponentModel.DataAnnotations;

namespace CompassionBot.Storage;

/// <summary>
/// Storage settings (section <c>Storage</c>). The SQLite file itself is set by <c>ConnectionStrings:Sqlite</c>
/// (default <see cref="DefaultSqliteConnectionString"/>, relative to the current directory); the PostgreSQL database by
/// <c>ConnectionStrings:Postgres</c>.
/// </summary>
internal sealed class StorageOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Storage";

    /// <summary>Name of the SQLite connection string under <c>ConnectionStrings</c>.</summary>
    public const string SqliteConnectionStringName = "Sqlite";

    /// <summary>Name of the PostgreSQL connection string under <c>ConnectionStrings</c> (required for the Postgres provider).</summary>
    public const string PostgresConnectionStringName = "Postgres";

    /// <summary>Used when <c>ConnectionStrings:Sqlite</c> is not set.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=data/compassionbot.db";

    /// <summary>The provider; <see cref="StorageProvider.Sqlite"/> by default.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>How long a write waits for another process's write lock before failing (default 5 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Storage:BusyTimeout must be between 00:00:00 and 00:10:00.")]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Open SQLite connections kept for reads (default 4; writes use one more).</summary>
    [Range(1, 64, ErrorMessage = "Storage:ReadConnections must be between 1 and 64.")]
    public int ReadConnections { get; set; } = 4;

    /// <summary>
    /// SQLite only: bot state documents kept in memory in front of the file (default 4096; 0 turns the cache off).
    /// Writes always reach the file and keep their ETag check, so a document changed by another process sharing the
    /// file costs one repeated turn; turn the cache off if several processes share one file and the same conversations.
    /// </summary>
    [Range(0, 1_000_000, ErrorMessage = "Storage:StateCacheSize must be between 0 and 1000000.")]
    public int StateCacheSize { get; set; } = 4096;
}
