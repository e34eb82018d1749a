using CompassionBot.CheckIns;
using CompassionBot.Clinicians;
using CompassionBot.Dialogs.Conversation;
using CompassionBot.Dialogs.Telemetry;
using CompassionBot.Safety.Alerts;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace CompassionBot.Sms;

/// <summary>Registers Twilio SMS, the check-in scheduler and the clinician API.</summary>
public static class SmsServiceCollectionExtensions
{
    /// <summary>Retries of a Twilio call that got 429 or 5xx (or timed out).</summary>
    public const int TwilioMaxRetries = 1;

    /// <summary>
    /// Adds the Twilio channel (webhook, sender, consent and keywords), the check-in scheduler and the clinician API.
    /// Settings are validated at start-up; without Twilio settings SMS stays off and the service starts normally.
    /// Needs <c>AddCompassionStorage</c> (the clinic database, SQLite or PostgreSQL) and <c>AddCompassionBot</c> (before or after).
    /// </summary>
    public static IServiceCollection AddSms(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmsOptions>, SmsOptionsValidator>());
        services.AddOptions<CheckInOptions>().BindConfiguration(CheckInOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddTransient<TwilioApiBaseUrlHandler>();
        services.AddHttpClient(TwilioSmsGateway.HttpClientName)
            .AddHttpMessageHandler<TwilioApiBaseUrlHandler>()
            .AddResilienceHandler("twilio", (pipeline, context) => ConfigureTwilioPipeline(
                pipeline,
                context.ServiceProvider.GetRequiredService<IOptions<SmsOptions>>().Value.Twilio,
                context.ServiceProvider.GetService<BotMetrics>()));
        services.TryAddSingleton<ISmsGateway, TwilioSmsGateway>();
        services.AddSingleton<SmsContactStore>();
        services.AddSingleton<SmsOutbox>();
        services.AddSingleton<SmsUnenrolledResponder>();
        services.AddSingleton<SmsTurnIdentity>();
        services.AddTwilioAuthentication();
        services.AddTransient<SmsWebhookHandler>();
        services.AddHostedService<SmsModeLogger>();

        services.AddSingleton<CheckInStore>();
        services.AddSingleton<CheckInDispatcher>();
        services.AddHostedService<CheckInScheduler>();
        services.TryAddSingleton<IClinicianNotifier, OutboxClinicianNotifier>();
        services.TryAddSingleton<IEnrolmentLinks, SmsEnrolmentLinks>();
        services.AddClinicianAuthentication();

        AddInterruptionsBeforeCore(services);
        return services;
    }

    // On SMS "stop" is a legal opt-out, so these must run before CoreInterruptions (which would end a practice).
    private static void AddInterruptionsBeforeCore(IServiceCollection services)
    {
        var handlers = new[]
        {
            ServiceDescriptor.Singleton<IInterruptionHandler, SmsKeywordInterruption>(),
            ServiceDescriptor.Singleton<IInterruptionHandler, CheckInReplyInterruption>(),
        };
        var core = services.Select((d, i) => (d, i)).FirstOrDefault(x => x.d.ServiceType == typeof(IInterruptionHandler) && x.d.ImplementationType == typeof(CoreInterruptions));
        var at = core.d is null ? 0 : core.i;
        for (var i = 0; i < handlers.Length; i++)
        {
            services.Insert(at + i, handlers[i]);
        }
    }

    private static void ConfigureTwilioPipeline(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, TwilioOptions twilio, BotMetrics? metrics)
    {
        pipeline
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = TwilioMaxRetries,
                Delay = twilio.RetryDelay,
                BackoffType = DelayBackoffType.Constant,
                UseJitter = false,
                ShouldRetryAfterHeader = true,
                OnRetry = _ =>
                {
                    metrics?.RecordOutboundSend(SmsOutbox.ChannelId, BotMetrics.Retried);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(twilio.AttemptTimeout);
    }
}
