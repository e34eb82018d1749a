using CompassionBot.Storage.Relational;
using Microsoft.Extensions.Options;

namespace CompassionBot.Storage;

/// <summary>
/// Opens the store and applies migrations before the host starts serving, so a bad path or an unreadable file
/// stops start-up with a clear message instead of failing the first conversation.
/// </summary>
internal sealed class StorageStartupService(IServiceProvider services, IOptions<StorageOptions> options, ILogger<StorageStartupService> logger)
    : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        switch (options.Value.Provider)
        {
            case StorageProvider.Sqlite:
            case StorageProvider.Postgres:
                await services.GetRequiredService<IRelationalDatabase>().EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
                break;
            case StorageProvider.Memory:
                Log.MemoryProvider(logger);
                break;
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
