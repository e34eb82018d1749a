using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Conversation;
using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Practices;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Intents;

namespace CompassionBot.Hosting;

/// <summary>Loads every content file at start-up so the service refuses to start on a content error (file and line in the message).</summary>
internal sealed class ContentValidationService(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<MessageCatalog>();
        _ = services.GetRequiredService<PracticeCatalog>();
        _ = services.GetRequiredService<EngagementDetector>();
        _ = services.GetRequiredService<InterruptionRecognizer>();
        _ = services.GetRequiredService<IntentRecognizer>();
        _ = services.GetRequiredService<FeelingReader>();
        _ = services.GetRequiredService<SafetyStatements>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
