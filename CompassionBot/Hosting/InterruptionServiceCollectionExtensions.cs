using CompassionBot.Dialogs.Conversation;

namespace CompassionBot.Hosting;

/// <summary>Registers interruptions with their place in the order the bot tries them.</summary>
internal static class InterruptionServiceCollectionExtensions
{
    /// <summary>Adds <typeparamref name="T"/> (a singleton), tried at <paramref name="order"/>.</summary>
    public static IServiceCollection AddInterruption<T>(this IServiceCollection services, InterruptionOrder order)
        where T : class, IInterruptionHandler
    {
        services.AddSingleton<T>();
        services.AddSingleton(new InterruptionRegistration(order, sp => sp.GetRequiredService<T>()));
        return services;
    }
}
