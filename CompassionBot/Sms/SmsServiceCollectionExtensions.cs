using CompassionBot.Dialogs.Telemetry;
using CompassionBot.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace CompassionBot.Sms;

/// <summary>Registers the Twilio SMS channel.</summary>
public static class SmsServiceCollectionExtensions
{
    /// <summary>Retries of a Twilio call that got 429 or 5xx (or timed out).</summary>
    public const int TwilioMaxRetries = 1;

    /// <summary>
    /// Adds the Twilio channel: the signature-checked webhook, the sender, consent and the carrier keywords. Settings
    /// are validated at start-up; without Twilio settings SMS stays off and the service starts normally. Needs
    /// <c>AddCompassionStorage</c> (the clinic database), <c>AddCompassionBot</c> and <c>AddCheckIns</c> (a text may
    /// answer a check-in).
    /// </summary>
    public static IServiceCollection AddSms(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmsOptions>, SmsOptionsValidator>());

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
        services.AddSingleton<TwilioSignatureValidator>();
        services.AddSchemeWithPolicy<AuthenticationSchemeOptions, TwilioSignatureAuthenticationHandler>(TwilioSignatureAuthenticationHandler.SchemeName);
        services.AddTransient<SmsWebhookHandler>();
        services.AddHostedService<SmsModeLogger>();
        services.AddInterruption<SmsKeywordInterruption>(InterruptionOrder.SmsKeywords);
        return services;
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
