using Microsoft.AspNetCore.Authentication;

namespace CompassionBot.Hosting;

/// <summary>Registers an authentication scheme together with its policy.</summary>
internal static class AuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// Adds the scheme <paramref name="scheme"/> handled by <typeparamref name="THandler"/>, and the authorisation policy
    /// of the same name: a caller that scheme authenticated (a route requiring it challenges with that scheme).
    /// </summary>
    public static IServiceCollection AddSchemeWithPolicy<TOptions, THandler>(this IServiceCollection services, string scheme, Action<TOptions>? configureOptions = null)
        where TOptions : AuthenticationSchemeOptions, new()
        where THandler : AuthenticationHandler<TOptions>
    {
        services.AddAuthentication().AddScheme<TOptions, THandler>(scheme, configureOptions);
        services.AddAuthorizationBuilder().AddPolicy(scheme, policy => policy.AddAuthenticationSchemes(scheme).RequireAuthenticatedUser());
        return services;
    }
}
