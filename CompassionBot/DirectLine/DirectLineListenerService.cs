namespace CompassionBot.DirectLine;

/// <summary>
/// Runs <see cref="PostgresDirectLineNotifier.ListenAsync"/> for the life of the host when the notifier is the
/// PostgreSQL one (<c>Storage:Provider=Postgres</c>); does nothing otherwise.
/// </summary>
internal sealed class DirectLineListenerService(IServiceProvider services) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        services.GetRequiredService<IDirectLineNotifier>() is PostgresDirectLineNotifier notifier
            ? notifier.ListenAsync(stoppingToken)
            : Task.CompletedTask;
}
