using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CompassionBot.Clinicians;

/// <summary>
/// The <see cref="SchemeName"/> scheme (and policy): <c>Authorization: ApiKey &lt;key&gt;</c> naming a
/// configured key (compared in constant time) authenticates the clinician the key is named after
/// (<see cref="ClaimsIdentity.Name"/>), in the <see cref="Clients.ClientAccess.AdminRole"/> role when <c>Clinic:Admins</c> names
/// the key. Anything else gets 401 with <c>WWW-Authenticate: ApiKey</c>.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    ClinicianKeys keys,
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    /// <summary>The scheme of the clinician API, and its policy: a clinician holding a configured key.</summary>
    public const string SchemeName = "ClinicianApiKey";

    private const string HeaderPrefix = "ApiKey ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(HeaderPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (keys.Authenticate(header[HeaderPrefix.Length..].Trim(), Scheme.Name) is not { } identity)
        {
            return Task.FromResult(AuthenticateResult.Fail("unknown API key"));
        }

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new(identity), Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Log.ApiKeyRejected(Logger);
        Response.Headers.WWWAuthenticate = "ApiKey";
        return TypedResults.Unauthorized().ExecuteAsync(Context);
    }
}
