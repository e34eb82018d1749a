using Microsoft.AspNetCore.Authentication;

namespace CompassionBot.Clinicians;

/// <summary>Authentication and authorisation of the clinician API: the API key scheme and its policy.</summary>
internal static class ClinicianAuthentication
{
    /// <summary>The scheme that reads <c>Authorization: ApiKey &lt;key&gt;</c>.</summary>
    public const string Scheme = "ClinicianApiKey";

    /// <summary>A clinician holding a configured key.</summary>
    public const string Policy = "Clinician";

    public static IServiceCollection AddClinicianAuthentication(this IServiceCollection services)
    {
        services.AddOptions<ClinicianApiOptions>().BindConfiguration(ClinicianApiOptions.SectionName);
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(Scheme, configureOptions: null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }
}
