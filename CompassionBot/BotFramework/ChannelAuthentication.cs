using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace CompassionBot.BotFramework;

/// <summary>Authentication and authorisation of <c>/api/messages</c>: the channel JWT scheme and its policy.</summary>
internal static class ChannelAuthentication
{
    /// <summary>The scheme that reads the channel's bearer token.</summary>
    public const string Scheme = "BotFrameworkChannel";

    /// <summary>The policy of the messaging endpoint: a caller with a valid token (anyone in local mode).</summary>
    public const string Policy = "BotFrameworkChannel";

    public static IServiceCollection AddChannelAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<ChannelAuthenticator>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ChannelAuthenticationHandler>(Scheme, configureOptions: null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        services.AddSingleton<IAuthorizationHandler, ChannelActivityAuthorizationHandler>();
        return services;
    }
}
