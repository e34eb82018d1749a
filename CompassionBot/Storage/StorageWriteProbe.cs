using System.Globalization;
using CompassionBot.Dialogs.State;

namespace CompassionBot.Storage;

/// <summary>
/// Finds out whether the store takes writes again, once <see cref="StorageWriteHealth"/> has seen one fail: overwrites
/// one small document (<see cref="Key"/>, beside the bot state, so the probe needs no table of its own) with the time and
/// a fresh ETag, a write that needs new space in the store's log as a turn's would. Reports its outcome to
/// <see cref="StorageWriteHealth"/>, so its success ends the failure for every reader.
/// </summary>
internal sealed class StorageWriteProbe(IStorage storage, StorageWriteHealth writes, TimeProvider time)
{
    /// <summary>The probe's document; no channel's key has this shape.</summary>
    public const string Key = "compassionbot/storage-write-probe";

    /// <summary>Writes the probe document; true when the store took it. Never throws but for cancellation.</summary>
    public async Task<bool> TryWriteAsync(CancellationToken cancellationToken)
    {
        var json = string.Create(CultureInfo.InvariantCulture, $"{{\"at\":{time.GetUtcNow().ToUnixTimeMilliseconds()}}}");
        try
        {
            await storage.WriteAsync(
                new Dictionary<string, StoreItem>(StringComparer.Ordinal) { [Key] = new StoreItem(json, StoreItem.AnyETag) },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            writes.RecordFailure();
            return false;
        }

        writes.RecordSuccess();
        return true;
    }
}
