using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Safety;

/// <summary>Loads the crisis rules when the host starts, so malformed content stops the service before it serves anyone.</summary>
internal sealed class CrisisDetectorStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<ICrisisDetector>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
