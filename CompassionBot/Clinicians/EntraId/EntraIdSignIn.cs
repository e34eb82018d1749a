using System.Security.Claims;
using CompassionBot.Clinicians.Clients;
using CompassionBot.Clinicians.Console;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Identity.Web;

namespace CompassionBot.Clinicians.EntraId;

/// <summary>
/// Console sign-in with Microsoft Entra ID (OpenID Connect, authorization code flow, through Microsoft.Identity.Web)
/// when <c>Clinic:EntraId</c> is configured: its own schemes and policy, beside the API keys. The clinician is the
/// token's <c>preferred_username</c> (else <c>name</c>); the app role <c>ClinicAdmin</c> makes a clinic admin.
/// </summary>
internal static class EntraIdSignIn
{
    /// <summary>The OpenID Connect scheme (the challenge: a redirect to Entra ID).</summary>
    public const string Scheme = "ClinicEntraId";

    /// <summary>The cookie scheme that holds a signed-in clinician, and the policy of the same name.</summary>
    public const string CookieScheme = "ClinicEntraIdCookie";

    /// <summary>The signed-in clinician: <c>GET /clinic/me</c>.</summary>
    public const string MePath = "/clinic/me";

    /// <summary>
    /// "Sign in with Microsoft" on the console's sign-in page: a POST with the console's anti-forgery token starts a
    /// challenge of <see cref="Scheme"/>, back to the console, so no other site can sign a clinician in to an account of
    /// its choosing (login CSRF). A GET (an old link or bookmark) goes to the sign-in page and starts nothing.
    /// </summary>
    public const string ConsoleSignInPath = ClinicConsole.Prefix + "/sign-in/microsoft";

    /// <summary>The cookie that holds an Entra ID sign-in.</summary>
    public const string CookieName = "__Host-CompassionBot.EntraId";

    /// <summary>Adds Entra ID sign-in when <c>Clinic:EntraId:ClientId</c> is set; otherwise nothing.</summary>
    /// <exception cref="InvalidOperationException">The client id is set without the tenant id or client secret.</exception>
    public static IServiceCollection AddEntraIdSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        var entra = configuration.GetSection(EntraIdOptions.SectionName).Get<EntraIdOptions>() ?? new();
        if (!entra.Enabled)
        {
            return services;
        }

        if (string.IsNullOrEmpty(entra.TenantId) || string.IsNullOrEmpty(entra.ClientSecret))
        {
            throw new InvalidOperationException("Clinic:EntraId:ClientId is set, so Clinic:EntraId:TenantId and Clinic:EntraId:ClientSecret are needed too.");
        }

        services.AddAuthentication().AddMicrosoftIdentityWebApp(
            identity =>
            {
                identity.Instance = entra.Instance.AbsoluteUri;
                identity.TenantId = entra.TenantId;
                identity.ClientId = entra.ClientId;
                identity.ClientSecret = entra.ClientSecret;
            },
            cookie =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;

                // Lax, not Strict: the sign-in ends in a POST from Entra ID's site, after which the cookie must be sent.
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                cookie.ForwardChallenge = Scheme;
            },
            Scheme,
            CookieScheme);
        services.Configure<OpenIdConnectOptions>(Scheme, ConfigureOpenIdConnect);
        services.AddAuthorizationBuilder().AddPolicy(CookieScheme, policy => policy.AddAuthenticationSchemes(CookieScheme).RequireAuthenticatedUser());

        // The console reads an Entra ID sign-in when the request carries one; the signed-out still go to its sign-in page.
        services.Configure<PolicySchemeOptions>(ClinicConsole.Scheme, options =>
            options.ForwardDefaultSelector = context => context.Request.Cookies.ContainsKey(CookieName) ? CookieScheme : null);
        return services;
    }

    /// <summary>Maps <see cref="MePath"/> and <see cref="ConsoleSignInPath"/> when Entra ID sign-in is configured.</summary>
    public static IEndpointRouteBuilder MapEntraIdSignIn(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var configuration = endpoints.ServiceProvider.GetRequiredService<IConfiguration>();
        if (configuration.GetSection(EntraIdOptions.SectionName).Get<EntraIdOptions>() is { Enabled: true })
        {
            endpoints.MapGet(MePath, MeAsync).RequireAuthorization(CookieScheme);
            endpoints.MapPost(ConsoleSignInPath, ChallengeAsync);
            endpoints.MapGet(ConsoleSignInPath, () => TypedResults.LocalRedirect(ClinicConsole.SignInPath));
        }

        return endpoints;
    }

    // Checked here rather than by binding a form: the endpoint reads no field, so the antiforgery middleware alone would not refuse it.
    private static async Task<IResult> ChallengeAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            return TypedResults.Problem("The sign-in form has expired. Please go back to the sign-in page and try again.", statusCode: StatusCodes.Status400BadRequest, title: "Sign-in form expired");
        }

        return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = ClinicConsole.Prefix }, [Scheme]);
    }

    private static async Task<ClinicianMeResponse> MeAsync(ClaimsPrincipal user, ClientAccess access, CancellationToken cancellationToken)
    {
        var readable = await access.ListAsync(user, search: null, cancellationToken).ConfigureAwait(false);
        return new ClinicianMeResponse(user.Clinician(), ClientAccess.IsAdmin(user), readable.Count);
    }

    private static void ConfigureOpenIdConnect(OpenIdConnectOptions options)
    {
        // The token's app roles arrive as role claims (the handler maps "roles"), so IsInRole("ClinicAdmin") sees them.
        options.SaveTokens = false;
        var validated = options.Events.OnTokenValidated;
        options.Events.OnTokenValidated = async context =>
        {
            await validated(context).ConfigureAwait(false);
            NameTheClinician(context);
        };
        options.Events.OnRemoteFailure = async context =>
        {
            Log.SignInFailed(context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EntraIdSignIn)), context.Failure?.GetType().Name);
            context.HandleResponse();
            await TypedResults.Problem("Signing in with Microsoft Entra ID did not succeed. Please try again.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed")
                .ExecuteAsync(context.HttpContext).ConfigureAwait(false);
        };
    }

    // The name is preferred_username (the user's sign-in name, Microsoft.Identity.Web's choice); a token without it names
    // the clinician by its name claim; one with neither cannot be told apart from anyone and is refused.
    private static void NameTheClinician(TokenValidatedContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity)
        {
            context.Fail("The token names no user.");
            return;
        }

        if (string.IsNullOrEmpty(identity.Name) && identity.FindFirst(ClaimConstants.Name) is { Value.Length: > 0 } name)
        {
            identity.AddClaim(new Claim(identity.NameClaimType, name.Value));
        }

        if (string.IsNullOrEmpty(identity.Name))
        {
            context.Fail("The token names no user.");
        }
    }
}
