using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CompassionBot.DirectLine;

/// <summary>
/// A Direct Line scheme: the bearer credential (the <c>Authorization</c> header, or the stream URL's <c>t</c>) is a
/// configured secret or, when <see cref="DirectLineAuthenticationOptions.AcceptsTokens"/>, a token we issued. Refusals
/// carry Direct Line's own error JSON: 401 with <c>WWW-Authenticate: Bearer</c>; 403 <c>TokenExpired</c> for an
/// expired token, as Azure's Direct Line answers (DirectLineJS reads a 403 as "token expired" and lets the page supply a
/// new one, whereas any other 4xx fails the send for good); 403 <c>Forbidden</c> for a token of another conversation.
/// </summary>
internal sealed class DirectLineAuthenticationHandler(
    DirectLineAuthenticator authenticator,
    IOptionsMonitor<DirectLineAuthenticationOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder) : AuthenticationHandler<DirectLineAuthenticationOptions>(options, loggerFactory, encoder)
{
    private const string ExpiredParameter = "expired";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var credential = DirectLineAuthenticator.ReadCredential(Context);
        if (string.IsNullOrEmpty(credential))
        {
            return AuthenticateResult.NoResult();
        }

        if (!Options.AcceptsTokens)
        {
            return authenticator.IsSecret(credential) ? Success(DirectLineCaller.Secret) : AuthenticateResult.Fail("not a Direct Line secret");
        }

        var (status, caller) = await authenticator.AuthenticateAsync(credential).ConfigureAwait(false);
        return status switch
        {
            DirectLineTokenStatus.Valid => Success(caller!),
            DirectLineTokenStatus.Expired => AuthenticateResult.Fail("token expired", new AuthenticationProperties(null, new Dictionary<string, object?> { [ExpiredParameter] = true })),
            _ => AuthenticateResult.Fail("invalid token"),
        };
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        if (result.Properties?.GetParameter<bool>(ExpiredParameter) == true)
        {
            await DirectLineResults.Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired.").ExecuteAsync(Context).ConfigureAwait(false);
            return;
        }

        var required = Options.AcceptsTokens ? "A valid Direct Line secret or token is required." : "A Direct Line secret is required.";
        await DirectLineResults.Unauthorized(required).ExecuteAsync(Context).ConfigureAwait(false);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        DirectLineResults.Error(StatusCodes.Status403Forbidden, "Forbidden", "The token is not valid for this conversation.").ExecuteAsync(Context);

    private AuthenticateResult Success(DirectLineCaller caller) =>
        AuthenticateResult.Success(new AuthenticationTicket(new(caller.ToIdentity(Scheme.Name)), Scheme.Name));
}
