using CompassionBot.Clinicians.Clients;
using Microsoft.AspNetCore.Mvc;

namespace CompassionBot.Clinicians.Console;

/// <summary>Registers the clinician console at <see cref="ClinicConsole.Prefix"/>: Razor Pages, its cookie sign-in and its policy.</summary>
internal static class ConsoleServiceCollectionExtensions
{
    /// <summary>
    /// Adds the console's pages (under <c>Clinicians/Console/Pages</c>, all but sign-in behind
    /// <see cref="ClinicConsole.Policy"/>), the <see cref="ClinicConsole.CookieScheme"/> cookie (HttpOnly, SameSite=Strict,
    /// Secure on HTTPS, only sent to the console's paths), its response headers (<see cref="ConsoleResponseHeaders"/>), the sign-in's limit (<see cref="ConsoleSignInLimiter"/>) and
    /// the console's texts. Needs <c>AddClinicians</c>.
    /// </summary>
    public static IServiceCollection AddClinicConsole(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Clinicians/Console/Pages";
            options.Conventions.AuthorizeFolder("/", ClinicConsole.Policy);
            options.Conventions.AuthorizePage("/AccessLog", ClientAccess.AdminRole);
            options.Conventions.AllowAnonymousToPage("/SignIn");
            options.Conventions.AllowAnonymousToPage("/Error");
            options.Conventions.ConfigureFilter(new ConsoleResponseHeaders());
            options.Conventions.ConfigureFilter(new ServiceFilterAttribute(typeof(ConsoleExceptionFilter)));
        });
        services.AddSingleton<ConsoleExceptionFilter>();
        services.AddSingleton<ConsoleSignInLimiter>();
        services.AddAuthentication().AddCookie(ClinicConsole.CookieScheme, options =>
        {
            options.Cookie.Name = "CompassionBot.Clinic";
            options.Cookie.Path = ClinicConsole.Prefix;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = ClinicConsole.SignInPath;
            options.AccessDeniedPath = ClinicConsole.SignInPath;
        }).AddPolicyScheme(ClinicConsole.Scheme, displayName: null, options =>
        {
            options.ForwardDefault = ClinicConsole.CookieScheme;
            options.ForwardChallenge = ClinicConsole.CookieScheme;
            options.ForwardForbid = ClinicConsole.CookieScheme;
        });
        services.AddAuthorizationBuilder().AddPolicy(ClinicConsole.Policy, policy => policy
            .AddAuthenticationSchemes(ClinicConsole.Scheme)
            .RequireAuthenticatedUser()

            // A name by the identity's own name claim type: ClaimTypes.Name for a key, preferred_username for Entra ID.
            .RequireAssertion(context => !string.IsNullOrEmpty(context.User.Identity?.Name)));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "CompassionBot.Clinic.Antiforgery";
            options.Cookie.Path = ClinicConsole.Prefix;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }
}
