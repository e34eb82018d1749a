using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.State;
using CompassionBot.Safety.Alerts;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace CompassionBot.Safety;

/// <summary>Registers what a crisis turn needs beyond detection: the audit log, safety plans and clinician alerts.</summary>
internal static class CrisisFlowServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ICrisisEventStore"/> over the alert outbox that <c>AddCompassionStorage</c> registers,
    /// <see cref="SafetyOptions"/>, and the clinician alert dispatcher (<c>Safety:AlertWebhookUrl</c>, validated at
    /// start-up) with its typed, resilient HttpClient; alerts of events the store cannot record are held in memory and
    /// sent directly (<see cref="HeldCrisisAlerts"/>).
    /// </summary>
    public static IServiceCollection AddCrisisFlow(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SafetyOptions>().BindConfiguration(SafetyOptions.SectionName);
        services.AddOptions<CrisisAlertOptions>().BindConfiguration(CrisisAlertOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CrisisAlertOptions>, CrisisAlertOptionsValidator>());

        services.TryAddSingleton<CrisisAlertSignal>();
        services.TryAddSingleton<StorageWriteHealth>();
        services.TryAddSingleton<HeldCrisisAlerts>();

        // An event the store cannot record is held (inside the link lookup, so the held alert names the client too).
        services.TryAddSingleton<ICrisisEventStore>(sp => new NotifyingCrisisEventStore(
            new LinkingCrisisEventStore(
                new HoldingCrisisEventStore(
                    (ICrisisEventStore)sp.GetRequiredService<ICrisisAlertOutbox>(), sp.GetRequiredService<HeldCrisisAlerts>(), sp.GetRequiredService<StorageWriteHealth>()),
                sp.GetService<IEnrolmentLinks>(),
                sp.GetRequiredService<ILogger<LinkingCrisisEventStore>>()),
            sp.GetRequiredService<CrisisAlertSignal>()));

        services.AddHttpClient<CrisisAlertClient>().AddResilienceHandler("crisis-alert", static (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<CrisisAlertOptions>>().Value;
            var timeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();

            // Bounded, so a delivery always ends inside its claim's lease (CrisisAlertDispatcher.LeaseFor), whatever
            // Retry-After the receiver sends: otherwise another instance could take the alert over mid-delivery.
            // Polly's MaxDelay does not apply to a delay from a delay generator (the Retry-After one included), so
            // Retry-After is honoured here by a generator that applies the same cap.
            var maxDelay = options.AlertRetryDelay * 2;
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 2,
                Delay = options.AlertRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxDelay = maxDelay,
                ShouldRetryAfterHeader = false,
                DelayGenerator = args => ValueTask.FromResult(CappedRetryAfter(args.Outcome.Result, maxDelay, timeProvider)),
            });
            pipeline.AddTimeout(options.AlertTimeout);
        });
        services.AddHostedService<CrisisAlertDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<HeldCrisisAlerts>());
        return services;
    }

    /// <summary>The response's Retry-After, at most <paramref name="maxDelay"/>; null (the backoff applies) without one.</summary>
    private static TimeSpan? CappedRetryAfter(HttpResponseMessage? response, TimeSpan maxDelay, TimeProvider timeProvider)
    {
        var retryAfter = response?.Headers.RetryAfter;
        var delay = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - timeProvider.GetUtcNow() : null);
        return delay is { } value ? TimeSpan.FromTicks(Math.Clamp(value.Ticks, 0, maxDelay.Ticks)) : null;
    }
}
