using System.Globalization;
using System.Text.Encodings.Web;
using CompassionBot.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CompassionBot.BotFramework;

/// <summary>
/// The <see cref="SchemeName"/> scheme (and policy): the bearer token of a Bot Framework request, checked by
/// <see cref="ChannelAuthenticator"/>; in local mode every caller is anonymous. A refused caller gets 401 with <c>WWW-Authenticate: Bearer</c>, a caller whose
/// activity its token does not cover 403, both as problem+json and logged with the reason (never the token); when the identity provider's metadata cannot
/// be fetched, 503 with <c>Retry-After</c> (still refused: it fails closed).
/// </summary>
internal sealed class ChannelAuthenticationHandler(
    ChannelAuthenticator authenticator,
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    /// <summary>The scheme of <c>/api/messages</c>, and its policy: a caller with a valid token (anyone in local mode).</summary>
    public const string SchemeName = "BotFrameworkChannel";

    /// <summary>What a caller is told to wait when the identity provider could not be reached.</summary>
    public static readonly TimeSpan UnavailableRetryAfter = TimeSpan.FromSeconds(10);

    private const string UnavailableParameter = "unavailable";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        try
        {
            var (identity, failure) = await authenticator.AuthenticateAsync(Request.Headers.Authorization, Context.RequestAborted).ConfigureAwait(false);
            return identity is null
                ? AuthenticateResult.Fail(failure!)
                : AuthenticateResult.Success(new AuthenticationTicket(new(identity), Scheme.Name));
        }
        catch (AuthenticationUnavailableException exception)
        {
            Log.AuthenticationUnavailable(Logger, exception);
            return AuthenticateResult.Fail(exception, new AuthenticationProperties(null, new Dictionary<string, object?> { [UnavailableParameter] = true }));
        }
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        if (result.Properties?.GetParameter<bool>(UnavailableParameter) == true)
        {
            Response.Headers.RetryAfter = ((int)UnavailableRetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            await TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Authentication is unavailable",
                detail: "The channel's signing keys could not be fetched; retry later.").ExecuteAsync(Context).ConfigureAwait(false);
            return;
        }

        Log.AuthenticationFailed(Logger, StatusCodes.Status401Unauthorized, result.Failure?.Message);
        Response.Headers.WWWAuthenticate = "Bearer";
        await TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized").ExecuteAsync(Context).ConfigureAwait(false);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden").ExecuteAsync(Context);
}
