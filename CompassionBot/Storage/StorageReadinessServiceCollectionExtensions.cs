using CompassionBot.Storage.Relational;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CompassionBot.Storage;

/// <summary>Registers the <see cref="IStorageReadiness"/> probe.</summary>
internal static class StorageReadinessServiceCollectionExtensions
{
    /// <summary>
    /// Adds the readiness of the configured provider's <see cref="IRelationalDatabase"/> (every provider has one; with
    /// <c>Memory</c> it is in memory), which bot state shares.
    /// </summary>
    public static IServiceCollection AddStorageReadiness(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IStorageReadiness>(sp => new RelationalStorageReadiness(sp.GetRequiredService<IRelationalDatabase>()));
        return services;
    }
}
