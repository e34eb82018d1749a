using CompassionBot.Dialogs.State;
using CompassionBot.Storage.Memory;
using CompassionBot.Storage.Relational;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CompassionBot.Storage;

/// <summary>Registers the <see cref="IStorageReadiness"/> of the configured <c>Storage:Provider</c>.</summary>
internal static class StorageReadinessServiceCollectionExtensions
{
    /// <summary>
    /// Adds one readiness probe per provider and resolves <see cref="IStorageReadiness"/> to the configured one (lazily,
    /// like <see cref="IStorage"/>). A new provider adds its probe here and one arm to the switch.
    /// </summary>
    public static IServiceCollection AddStorageReadiness(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<MemoryStorageReadiness>();
        services.TryAddSingleton(sp => new RelationalStorageReadiness(sp.GetRequiredService<IRelationalDatabase>()));
        services.TryAddSingleton<IStorageReadiness>(sp =>
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider switch
            {
                StorageProvider.Memory => sp.GetRequiredService<MemoryStorageReadiness>(),
                _ => sp.GetRequiredService<RelationalStorageReadiness>(),
            });
        return services;
    }
}
