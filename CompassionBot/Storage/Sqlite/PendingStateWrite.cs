using CompassionBot.Dialogs.State;

namespace CompassionBot.Storage.Sqlite;

/// <summary>One caller's atomic set of changes, waiting to be committed together with other callers' (group commit).</summary>
internal sealed class PendingStateWrite(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
{
    private readonly TaskCompletionSource<IReadOnlyDictionary<string, string>> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyDictionary<string, StoreItem> Changes { get; } = changes;

    /// <summary>The caller's token: a write cancelled before its batch starts is not written.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The new ETags once committed; faults with <see cref="StorageConcurrencyException"/> on a failed expectation.</summary>
    public Task<IReadOnlyDictionary<string, string>> Outcome => _outcome.Task;

    /// <summary>The new ETags, set when the changes were applied; they count only after the batch commits.</summary>
    public Dictionary<string, string>? ETags { get; set; }

    /// <summary>The key whose expectation failed; nothing of this write was applied.</summary>
    public string? ConflictKey { get; set; }

    /// <summary>Reports the outcome after the batch committed.</summary>
    public void Complete()
    {
        if (ConflictKey is { } key)
        {
            _outcome.TrySetException(new StorageConcurrencyException(key));
        }
        else
        {
            _outcome.TrySetResult(ETags ?? []);
        }
    }

    public void Fail(Exception exception) => _outcome.TrySetException(exception);

    public void Cancel() => _outcome.TrySetCanceled(CancellationToken);
}
