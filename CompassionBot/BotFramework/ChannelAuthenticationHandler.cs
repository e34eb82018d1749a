using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CompassionBot.BotFramework;

/// <summary>
/// The <see cref="SchemeName"/> scheme (and policy): the bearer token of a Bot Framework request, checked by
/// <see cref="ChannelAuthenticator"/>; in local mode every caller is anonymous. A refused caller gets 401 with <c>WWW-Authenticate: Bearer</c>, a caller whose
/// activity its token does not cover 403, both as problem+json and logged with the reason (never the token).
/// </summary>
internal sealed class ChannelAuthenticationHandler(
    ChannelAuthenticator authenticator,
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    /// <summary>The scheme of <c>/api/messages</c>, and its policy: a caller with a valid token (anyone in local mode).</summary>
    public const string SchemeName = "BotFrameworkChannel";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var (identity, failure) = await authenticator.AuthenticateAsync(Request.Headers.Authorization, Context.RequestAborted).ConfigureAwait(false);
        return identity is null
            ? AuthenticateResult.Fail(failure!)
            : AuthenticateResult.Success(new AuthenticationTicket(new(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        Log.AuthenticationFailed(Logger, StatusCodes.Status401Unauthorized, result.Failure?.Message);
        Response.Headers.WWWAuthenticate = "Bearer";
        await TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized").ExecuteAsync(Context).ConfigureAwait(false);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden").ExecuteAsync(Context);
}
