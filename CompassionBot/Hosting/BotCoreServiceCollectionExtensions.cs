using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.State;
using CompassionBot.Dialogs.Turns;
using CompassionBot.Operations;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CompassionBot.Hosting;

/// <summary>Registers the channel-independent turn machinery.</summary>
internal static class BotCoreServiceCollectionExtensions
{
    public static IServiceCollection AddBotCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.SectionName).ValidateOnStart();
        services.TryAddSingleton<IStorage, MemoryStorage>();
        services.TryAddSingleton<StorageWriteHealth>();
        services.AddSingleton<BotStateStore>();
        services.AddSingleton(sp => new ConversationGate(sp.GetService<IConversationLock>()));
        services.AddBotMetrics();
        services.AddSingleton<BotAdapter>();
        services.TryAddSingleton<BackgroundTurnRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundTurnRunner>());
        return services;
    }
}
