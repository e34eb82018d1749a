using Microsoft.AspNetCore.Authentication;

namespace CompassionBot.Sms;

/// <summary>Authentication and authorisation of the Twilio webhook: the signature scheme and its policy.</summary>
internal static class TwilioAuthentication
{
    /// <summary>The scheme that checks <c>X-Twilio-Signature</c>.</summary>
    public const string Scheme = "TwilioSignature";

    /// <summary>A request Twilio signed for our account.</summary>
    public const string Policy = "Twilio";

    public static IServiceCollection AddTwilioAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<TwilioSignatureValidator>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TwilioSignatureAuthenticationHandler>(Scheme, configureOptions: null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }
}
