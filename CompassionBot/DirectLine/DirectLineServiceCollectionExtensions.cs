using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CompassionBot.DirectLine;

/// <summary>Registers the self-hosted Direct Line channel.</summary>
internal static class DirectLineServiceCollectionExtensions
{
    /// <summary>Adds the Direct Line services, authentication, CORS policy and rate limits.</summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<DirectLineOptions>, DirectLineOptionsValidator>();
        services.AddSingleton<DirectLineSigningKey>();
        services.AddSingleton<DirectLineTokenService>();
        services.AddDirectLineAuthentication();
        services.AddSingleton<DirectLineCredentialRateLimiter>();
        services.TryAddSingleton<IDirectLineStore, RelationalDirectLineStore>();
        services.AddHostedService<DirectLineListenerService>();
        services.AddSingleton<DirectLineConversationService>();
        services.AddSingleton<DirectLineStreamHub>();

        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<DirectLineOptions>>((cors, directLine) =>
            cors.AddPolicy(DirectLineEndpoints.CorsPolicy, policy => policy
                .WithOrigins([.. directLine.Value.AllowedOrigins])
                .WithMethods("GET", "POST")
                .WithHeaders("authorization", "content-type", "x-ms-bot-agent", "x-requested-with")
                .WithExposedHeaders("retry-after")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));

        services.AddRateLimiter(limits => limits.AddPolicy<string, DirectLineRateLimitPolicy>(DirectLineEndpoints.RateLimitPolicy));
        return services;
    }
}
