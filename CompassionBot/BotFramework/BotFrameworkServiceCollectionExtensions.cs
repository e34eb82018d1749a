using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Telemetry;
using CompassionBot.Dialogs.Turns;
using CompassionBot.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace CompassionBot.BotFramework;

/// <summary>Registers the Bot Framework channel (Azure Bot Service, Teams, Emulator).</summary>
public static class BotFrameworkServiceCollectionExtensions
{
    /// <summary>Retries after the first failed Connector call (429/408/5xx), honouring Retry-After.</summary>
    public const int ConnectorMaxRetries = 3;

    /// <summary>First retry delay when the Connector sends no Retry-After; doubles each time.</summary>
    public static readonly TimeSpan ConnectorRetryBaseDelay = TimeSpan.FromSeconds(2);

    /// <summary>Timeout of one Connector attempt.</summary>
    public static readonly TimeSpan ConnectorAttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Failed attempts within the sampling window after which the circuit opens.</summary>
    public const int ConnectorCircuitMinimumThroughput = 5;

    /// <summary>How long the circuit stays open.</summary>
    public static readonly TimeSpan ConnectorBreakDuration = TimeSpan.FromSeconds(30);

    /// <summary>Adds options (validated at start-up), authentication, the Connector client and the endpoint's services.</summary>
    public static IServiceCollection AddBotFramework(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // An unknown signing key must be refetched within the same request, not by a background refresh.
        AppContext.SetSwitch("Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking", true);

        services.AddOptions<BotFrameworkOptions>()
            .Configure(options =>
            {
                configuration.Bind(options);
                configuration.GetSection(BotFrameworkOptions.SectionName).Bind(options);
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotFrameworkOptions>, BotFrameworkOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => MessageCatalog.Load(sp.GetRequiredService<IOptions<ContentOptions>>().Value.ResolvedRootPath));

        services.AddHttpClient(BotFrameworkHttpClients.Metadata);
        services.AddHttpClient(BotFrameworkHttpClients.Msal);
        services.TryAddSingleton<IAccessTokenProvider, MsalAccessTokenProvider>();
        services.AddSingleton<ServiceUrlTrustList>();
        services.AddSingleton<ChannelAuthenticator>();
        services.AddSchemeWithPolicy<AuthenticationSchemeOptions, ChannelAuthenticationHandler>(ChannelAuthenticationHandler.SchemeName);
        services.AddSingleton<IAuthorizationHandler, ChannelActivityAuthorizationHandler>();
        services.AddHostedService<BotFrameworkModeLogger>();
        services.TryAddSingleton(sp => new DeliveryDeduplication(
            sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.DeliveryDedupWindow, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ITurnMiddleware, TypingIndicatorMiddleware>();
        services.AddTransient<UnservedTenantResponder>();
        services.AddTransient<MessagesEndpointHandler>();
        // ConnectorClient logs its own failures with ids; the factory's per-request logging handlers and scopes would cost
        // every reply an allocation-heavy detour even when Information is filtered out.
        services.AddHttpClient<ConnectorClient>().RemoveAllLoggers().AddResilienceHandler("connector", (pipeline, context) =>
            ConfigureConnectorPipeline(pipeline, context.ServiceProvider.GetService<BotMetrics>()));
        return services;
    }

    private static void ConfigureConnectorPipeline(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, BotMetrics? metrics)
    {
        pipeline
            .AddTimeout(TimeSpan.FromMinutes(1))
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = ConnectorMaxRetries,
                Delay = ConnectorRetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                ShouldRetryAfterHeader = true,
                OnRetry = args =>
                {
                    var request = args.Context.GetRequestMessage();
                    var channel = request is not null && request.Options.TryGetValue(ConnectorClient.ChannelOption, out var id) ? id : null;
                    metrics?.RecordOutboundSend(channel, BotMetrics.Retried);
                    return ValueTask.CompletedTask;
                },
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = ConnectorCircuitMinimumThroughput,
                SamplingDuration = TimeSpan.FromMinutes(1),
                BreakDuration = ConnectorBreakDuration,
            })
            .AddTimeout(ConnectorAttemptTimeout);
    }
}
