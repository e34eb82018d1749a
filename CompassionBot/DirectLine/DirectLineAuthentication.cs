using CompassionBot.Hosting;
using Microsoft.AspNetCore.Authorization;

namespace CompassionBot.DirectLine;

/// <summary>Authentication and authorisation of the Direct Line endpoints: two schemes, each with its policy, and the conversation policy.</summary>
internal static class DirectLineAuthentication
{
    /// <summary>A secret or a valid token.</summary>
    public const string Scheme = "DirectLine";

    /// <summary>A secret only (generating tokens).</summary>
    public const string SecretScheme = "DirectLineSecret";

    /// <summary>A caller that may use the conversation the route names.</summary>
    public const string ConversationPolicy = "DirectLineConversation";

    public static IServiceCollection AddDirectLineAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<DirectLineAuthenticator>();
        services.AddSchemeWithPolicy<DirectLineAuthenticationOptions, DirectLineAuthenticationHandler>(Scheme);
        services.AddSchemeWithPolicy<DirectLineAuthenticationOptions, DirectLineAuthenticationHandler>(SecretScheme, options => options.AcceptsTokens = false);
        services.AddAuthorizationBuilder().AddPolicy(ConversationPolicy, policy => policy
            .AddAuthenticationSchemes(Scheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new ConversationAccessRequirement()));
        services.AddSingleton<IAuthorizationHandler, ConversationAccessAuthorizationHandler>();
        return services;
    }
}
