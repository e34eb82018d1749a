using Microsoft.AspNetCore.Authorization;

namespace CompassionBot.DirectLine;

/// <summary>Authentication and authorisation of the Direct Line endpoints: two schemes and three policies.</summary>
internal static class DirectLineAuthentication
{
    /// <summary>A secret or a token.</summary>
    public const string Scheme = "DirectLine";

    /// <summary>A secret only.</summary>
    public const string SecretScheme = "DirectLineSecret";

    /// <summary>A caller holding a secret (generating tokens).</summary>
    public const string SecretPolicy = "DirectLineSecret";

    /// <summary>A caller holding a secret or a valid token.</summary>
    public const string CallerPolicy = "DirectLineCaller";

    /// <summary>A caller that may use the conversation the route names.</summary>
    public const string ConversationPolicy = "DirectLineConversation";

    public static IServiceCollection AddDirectLineAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<DirectLineAuthenticator>();
        services.AddAuthentication()
            .AddScheme<DirectLineAuthenticationOptions, DirectLineAuthenticationHandler>(Scheme, configureOptions: null)
            .AddScheme<DirectLineAuthenticationOptions, DirectLineAuthenticationHandler>(SecretScheme, options => options.AcceptsTokens = false);
        services.AddAuthorizationBuilder()
            .AddPolicy(SecretPolicy, policy => policy.AddAuthenticationSchemes(SecretScheme).RequireAuthenticatedUser())
            .AddPolicy(CallerPolicy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser())
            .AddPolicy(ConversationPolicy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().AddRequirements(new ConversationAccessRequirement()));
        services.AddSingleton<IAuthorizationHandler, ConversationAccessAuthorizationHandler>();
        return services;
    }
}
