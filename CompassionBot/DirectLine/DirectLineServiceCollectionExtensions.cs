using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CompassionBot.DirectLine;

/// <summary>Registers the self-hosted Direct Line channel.</summary>
internal static class DirectLineServiceCollectionExtensions
{
    /// <summary>Adds the Direct Line services, CORS policy and rate limits; safe to call twice.</summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(DirectLineConversationService)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<DirectLineOptions>, DirectLineOptionsValidator>();
        services.AddSingleton<DirectLineSigningKey>();
        services.AddSingleton<DirectLineTokenService>();
        services.AddSingleton<DirectLineAuthenticator>();
        services.TryAddSingleton<IDirectLineStore, RelationalDirectLineStore>();
        services.AddHostedService<DirectLineListenerService>();
        services.AddSingleton<DirectLineConversationService>();
        services.AddSingleton<DirectLineStreamHub>();
        services.AddSingleton<DirectLineMarker>();

        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<DirectLineOptions>>((cors, directLine) =>
            cors.AddPolicy(DirectLineEndpoints.CorsPolicy, policy => policy
                .WithOrigins([.. directLine.Value.AllowedOrigins])
                .WithMethods("GET", "POST")
                .WithHeaders("authorization", "content-type", "x-ms-bot-agent", "x-requested-with")
                .WithExposedHeaders("retry-after")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure(limits =>
        {
            limits.AddPolicy<string, DirectLineRateLimitPolicy>(DirectLineEndpoints.RateLimitPolicy);
            limits.AddPolicy<string, WebChatDemoRateLimitPolicy>(WebChatDemoEndpoints.RateLimitPolicy);
        });
        return services;
    }
}
