using CompassionBot.Storage.Relational;

namespace CompassionBot.Storage;

/// <summary>
/// Opens the configured provider's database and applies migrations before the host starts serving, so a bad path or an
/// unreadable file stops start-up with a clear message instead of failing the first conversation.
/// </summary>
internal sealed class StorageStartupService(IRelationalDatabase database) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => database.EnsureMigratedAsync(cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
