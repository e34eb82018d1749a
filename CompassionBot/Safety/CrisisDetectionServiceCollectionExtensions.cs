using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Conversation;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Safety.Model;
using CompassionBot.Dialogs.Understanding;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace CompassionBot.Safety;

/// <summary>Registers crisis detection: the screen (rules, semantic layer), the sentence encoder and the optional Azure
/// AI Content Safety and Azure AI Language signals.</summary>
internal static class CrisisDetectionServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ICrisisScreen"/>: the rules (<see cref="ICrisisDetector"/>, from
    /// <c>{Content:RootPath}/Safety</c>), the semantic layer (<c>Safety:Model</c>; the head from
    /// <c>{Content:RootPath}/Safety/model</c> over the embedded <see cref="ISentenceEncoder"/>) and <see cref="IRiskSignal"/>s
    /// (Azure AI Content Safety when <c>Safety:ContentSafety</c> is configured, then Azure sentiment when
    /// <c>Safety:AzureLanguage</c> is). All are loaded and checked at start-up.</summary>
    public static IServiceCollection AddCrisisDetection(this IServiceCollection services)
    {
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.SectionName);
        services.TryAddSingleton<ICrisisDetector>(sp => LexiconCrisisDetector.Load(sp.GetRequiredService<IOptions<ContentOptions>>().Value.ResolvedRootPath));
        services.AddOptions<SemanticLayerOptions>().BindConfiguration(SemanticLayerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ISentenceEncoder, MiniLmSentenceEncoder>();
        services.TryAddSingleton(sp =>
        {
            var encoder = sp.GetRequiredService<ISentenceEncoder>();
            var root = sp.GetRequiredService<IOptions<ContentOptions>>().Value.ResolvedRootPath;
            var head = CrisisHead.Load(root, encoder.Fingerprint, encoder.Dimensions);
            return new SemanticCrisisLayer(head, sp.GetRequiredService<IOptions<SemanticLayerOptions>>().Value.CacheSize);
        });
        services.TryAddSingleton<ScreeningHealth>();
        services.TryAddSingleton<IRoutineReplies, RoutineReplies>();
        services.TryAddSingleton<ICrisisScreen>(sp => new CrisisScreen(
            sp.GetRequiredService<ICrisisDetector>(),
            sp.GetRequiredService<IOptions<SemanticLayerOptions>>().Value.Enabled ? sp.GetRequiredService<SemanticCrisisLayer>() : null,
            sp.GetServices<IRiskSignal>(),
            sp.GetRequiredService<IRoutineReplies>(),
            sp.GetRequiredService<ScreeningHealth>(),
            sp.GetRequiredService<ILogger<CrisisScreen>>()));
        services.AddHostedService<CrisisDetectorStartupCheck>();

        // Content Safety is asked first: the screen stops asking once a signal has raised the level, and only Content
        // Safety can raise to crisis.
        services.AddOptions<ContentSafetyOptions>().BindConfiguration(ContentSafetyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        AddSignal<ContentSafetyClient, ContentSafetyRiskSignal, ContentSafetyOptions>(services, "azure-content-safety", o => o.Timeout, o => o.IsConfigured);
        services.AddOptions<AzureLanguageOptions>().BindConfiguration(AzureLanguageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        AddSignal<AzureLanguageClient, AzureSentimentRiskSignal, AzureLanguageOptions>(services, "azure-language", o => o.Timeout, o => o.IsConfigured);
        return services;
    }

    // A cloud signal: its typed client with a total timeout, two retries and a circuit breaker, and the signal itself
    // when configured (otherwise one that never raises).
    private static void AddSignal<TClient, TSignal, TOptions>(IServiceCollection services, string pipelineName, Func<TOptions, TimeSpan> timeout, Func<TOptions, bool> isConfigured)
        where TClient : class
        where TSignal : class, IRiskSignal
        where TOptions : class
    {
        services.AddHttpClient<TClient>().AddResilienceHandler(pipelineName, (pipeline, context) =>
        {
            pipeline.AddTimeout(timeout(context.ServiceProvider.GetRequiredService<IOptions<TOptions>>().Value));
            pipeline.AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = 2, Delay = TimeSpan.FromMilliseconds(100), BackoffType = DelayBackoffType.Exponential, UseJitter = true });
            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions { FailureRatio = 0.5, MinimumThroughput = 5, SamplingDuration = TimeSpan.FromSeconds(30), BreakDuration = TimeSpan.FromSeconds(30) });
        });
        services.TryAddTransient<TSignal>();
        services.AddTransient<IRiskSignal>(sp => isConfigured(sp.GetRequiredService<IOptions<TOptions>>().Value) ? sp.GetRequiredService<TSignal>() : new NoRiskSignal());
    }
}
