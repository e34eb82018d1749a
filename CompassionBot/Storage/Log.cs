using CompassionBot.Dialogs.Telemetry;

namespace CompassionBot.Storage;

/// <summary>Storage log messages (event ids 5000–5099). Paths and versions only; never document contents.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Storage: SQLite database {Path}, schema version {Version}")]
    public static partial void SqliteReady(ILogger logger, LogId path, int version);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Applied SQLite migration {Migration}")]
    public static partial void MigrationApplied(ILogger logger, LogId migration);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "The database {Path} has schema version {Version}, newer than this build knows ({Known}); running anyway")]
    public static partial void SchemaNewerThanBuild(ILogger logger, LogId path, int version, int known);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "The SQLite database {Path} is in journal mode {Mode}, not WAL; concurrent readers will be slower")]
    public static partial void NotWal(ILogger logger, LogId path, LogId mode);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Storage: in memory only; every conversation and clinic record is lost when the process stops")]
    public static partial void MemoryProvider(ILogger logger);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "A SQLite write failed; reopening the writer connection")]
    public static partial void WriterReset(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Information, Message = "Storage: PostgreSQL database {Database}, schema version {Version}")]
    public static partial void PostgresReady(ILogger logger, LogId database, int version);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Information, Message = "Applied PostgreSQL migration {Migration}")]
    public static partial void PostgresMigrationApplied(ILogger logger, LogId migration);
}
