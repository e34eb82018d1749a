namespace CompassionBot.Storage.Memory;

/// <summary>The in-process store is ready as soon as the process is: nothing to reach, nothing to migrate.</summary>
internal sealed class MemoryStorageReadiness : IStorageReadiness
{
    public Task<StorageReadiness> CheckAsync(CancellationToken cancellationToken) =>
        Task.FromResult(StorageReadiness.Ready(0, 0));
}
