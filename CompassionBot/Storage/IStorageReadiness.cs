namespace CompassionBot.Storage;

/// <summary>
/// Whether the configured store can serve: reachable now, and its schema at least the version this build expects.
/// One implementation per <see cref="StorageProvider"/> (see <see cref="StorageReadinessServiceCollectionExtensions"/>).
/// </summary>
internal interface IStorageReadiness
{
    /// <summary>Probes the store; never throws for an unreachable store (that is a not-ready answer).</summary>
    Task<StorageReadiness> CheckAsync(CancellationToken cancellationToken);
}
