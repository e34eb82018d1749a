namespace CompassionBot.Storage;

/// <summary>The answer of one <see cref="IStorageReadiness"/> probe.</summary>
/// <param name="Reachable">Whether the store answered.</param>
/// <param name="SchemaVersion">The schema version found (0 when unknown or unreachable).</param>
/// <param name="ExpectedVersion">The newest migration this build knows.</param>
/// <param name="Reason">Why the store is not ready: a short fixed phrase, never a path, a connection string or an
/// exception message; null when ready.</param>
internal sealed record StorageReadiness(bool Reachable, int SchemaVersion, int ExpectedVersion, string? Reason)
{
    /// <summary>Reason while this process's start-up migration has not finished.</summary>
    public const string MigrationsPending = "migrations pending";

    /// <summary>Reason when the store cannot be opened or queried.</summary>
    public const string Unreachable = "storage unreachable";

    /// <summary>Reason when the store refused the last write (disk full, database read-only) and still refuses a probe write.</summary>
    public const string WritesFailing = "writes failing";

    /// <summary>Reason when the store's schema is older than this build expects.</summary>
    public const string SchemaBehind = "schema older than expected";

    /// <summary>Whether the store can serve.</summary>
    public bool IsReady => Reachable && Reason is null && SchemaVersion >= ExpectedVersion;

    /// <summary>A store that is reachable and current.</summary>
    public static StorageReadiness Ready(int schemaVersion, int expectedVersion) =>
        schemaVersion >= expectedVersion
            ? new(true, schemaVersion, expectedVersion, null)
            : new(true, schemaVersion, expectedVersion, SchemaBehind);

    /// <summary>A store that is not ready for <paramref name="reason"/>.</summary>
    public static StorageReadiness NotReady(bool reachable, int schemaVersion, int expectedVersion, string reason) =>
        new(reachable, schemaVersion, expectedVersion, reason);
}
