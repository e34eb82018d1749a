using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Safety;

/// <summary>Loads the crisis rules, the sentence encoder and the crisis head when the host starts, so malformed content,
/// a missing model or weights trained on another model stop the service before it serves anyone.</summary>
internal sealed class CrisisDetectorStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<ICrisisDetector>();
        _ = services.GetRequiredService<ICrisisScreen>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
