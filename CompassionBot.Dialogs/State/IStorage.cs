namespace CompassionBot.Dialogs.State;

/// <summary>Key → JSON document store with optimistic concurrency.</summary>
public interface IStorage
{
    /// <summary>Reads the documents that exist among <paramref name="keys"/>; missing keys are absent from the result.</summary>
    Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>
    /// Writes all <paramref name="changes"/> atomically (all or none) and returns each key's new ETag.
    /// Throws <see cref="StorageConcurrencyException"/> when any expectation (see <see cref="StoreItem"/>) fails.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken);

    /// <summary>Deletes the documents; missing keys are ignored.</summary>
    Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);
}
