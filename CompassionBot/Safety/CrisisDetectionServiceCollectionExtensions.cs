using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Safety;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace CompassionBot.Safety;

/// <summary>Registers crisis detection: the embedded detector and the optional Azure AI Language signal.</summary>
internal static class CrisisDetectionServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ICrisisDetector"/> (rules from <c>{Content:RootPath}/Safety</c>, loaded and validated at
    /// start-up) and <see cref="IRiskSignal"/> (Azure sentiment when <c>Safety:AzureLanguage</c> is configured, else none).</summary>
    public static IServiceCollection AddCrisisDetection(this IServiceCollection services)
    {
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.SectionName);
        services.TryAddSingleton<ICrisisDetector>(sp => LexiconCrisisDetector.Load(sp.GetRequiredService<IOptions<ContentOptions>>().Value.ResolvedRootPath));
        services.AddHostedService<CrisisDetectorStartupCheck>();

        services.AddOptions<AzureLanguageOptions>().BindConfiguration(AzureLanguageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient<AzureLanguageClient>().AddResilienceHandler("azure-language", static (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<AzureLanguageOptions>>().Value;
            pipeline.AddTimeout(options.Timeout);
            pipeline.AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = 2, Delay = TimeSpan.FromMilliseconds(100), BackoffType = DelayBackoffType.Exponential, UseJitter = true });
            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions { FailureRatio = 0.5, MinimumThroughput = 5, SamplingDuration = TimeSpan.FromSeconds(30), BreakDuration = TimeSpan.FromSeconds(30) });
        });
        services.TryAddTransient<AzureSentimentRiskSignal>();
        services.TryAddTransient<IRiskSignal>(sp => sp.GetRequiredService<IOptions<AzureLanguageOptions>>().Value.IsConfigured
            ? sp.GetRequiredService<AzureSentimentRiskSignal>()
            : new NoRiskSignal());
        return services;
    }
}
