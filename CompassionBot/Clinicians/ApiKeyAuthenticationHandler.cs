using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CompassionBot.Clinicians;

/// <summary>
/// The <see cref="SchemeName"/> scheme (and policy): <c>Authorization: ApiKey &lt;key&gt;</c> naming a
/// configured key (compared in constant time) authenticates the clinician the key is named after
/// (<see cref="ClaimsIdentity.Name"/>), in the <see cref="ClinicianAccess.Admin"/> role when <c>Clinic:Admins</c> names
/// the key. Anything else gets 401 with <c>WWW-Authenticate: ApiKey</c>.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ClinicianApiOptions> keys,
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

        if (Match(header[HeaderPrefix.Length..].Trim()) is not { } clinician)
        {
            return Task.FromResult(AuthenticateResult.Fail("unknown API key"));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, clinician)], Scheme.Name);
        if (keys.CurrentValue.Admins.Contains(clinician))
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, ClinicianAccess.Admin));
        }

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new(identity), Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Log.ApiKeyRejected(Logger);
        Response.Headers.WWWAuthenticate = "ApiKey";
        return TypedResults.Unauthorized().ExecuteAsync(Context);
    }

    private string? Match(string presented)
    {
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        string? found = null;
        foreach (var (name, key) in keys.CurrentValue.ApiKeys)
        {
            if (!string.IsNullOrEmpty(key) && CryptographicOperations.FixedTimeEquals(given, SHA256.HashData(Encoding.UTF8.GetBytes(key))))
            {
                found = name;
            }
        }

        return presented.Length == 0 ? null : found;
    }
}
