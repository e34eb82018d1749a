using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.State;
using CompassionBot.Dialogs.Telemetry;
using CompassionBot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CompassionBot.Operations;

/// <summary>Registers what operators need: the probes' health checks, the bot's metrics and, when configured, OTLP export.</summary>
internal static class OperationsServiceCollectionExtensions
{
    /// <summary>How long the storage probe may take before <c>/readyz</c> answers 503.</summary>
    public static readonly TimeSpan ReadinessTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Adds the <c>/readyz</c> storage and screening checks, the probes' cache and rate limit, <see cref="BotMetrics"/> and telemetry export; safe to call twice.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(OperationsMarker)))
        {
            return services;
        }

        services.AddSingleton<OperationsMarker>();
        services.AddStorageReadiness();
        services.TryAddSingleton<StorageWriteHealth>();
        services.TryAddSingleton<StorageWriteProbe>();
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>(StorageHealthCheck.Name, failureStatus: null, tags: [HealthTags.Ready], timeout: ReadinessTimeout)
            .AddCheck<ScreeningHealthCheck>(ScreeningHealthCheck.Name, failureStatus: null, tags: [HealthTags.Ready]);
        services.TryAddSingleton<ScreeningHealth>();
        services.AddOptions<OperationsOptions>().BindConfiguration(OperationsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ReadinessProbe>();
        services.AddRateLimiter(limits => limits.AddPolicy<string, ProbeRateLimitPolicy>(ProbeRateLimitPolicy.Name));
        services.AddBotMetrics();
        services.AddTelemetryExport(configuration);
        return services;
    }

    /// <summary>Registers <see cref="BotMetrics"/> on the host's meter factory; safe to call twice.</summary>
    public static IServiceCollection AddBotMetrics(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<BotMetrics>();
        return services;
    }
}
