using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CompassionBot.Sms;

/// <summary>
/// The <see cref="SchemeName"/> scheme (and policy). A request without <c>X-Twilio-Signature</c> is refused (403)
/// before its body is read; otherwise the form is read within bounds (<see cref="TwilioWebhookForm"/>: 413, 415 or 400
/// for what does not fit) and its signature checked (403). The form goes on as the request's form, and the caller is
/// the Twilio account (claim <see cref="AccountSidClaim"/>). A signed form holding a NUL is refused with 400. Refusals
/// have no body and are logged without the form's content.
/// </summary>
internal sealed class TwilioSignatureAuthenticationHandler(
    TwilioSignatureValidator validator,
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    /// <summary>The scheme of the Twilio webhook, and its policy: a request Twilio signed for our account.</summary>
    public const string SchemeName = "TwilioSignature";

    /// <summary>The account the webhook was signed for.</summary>
    public const string AccountSidClaim = "twilio:accountsid";

    private const string StatusParameter = "status";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (string.IsNullOrEmpty(Request.Headers[TwilioSignatureValidator.HeaderName]))
        {
            return Refuse(StatusCodes.Status403Forbidden, "no signature");
        }

        var (form, status, reason) = await TwilioWebhookForm.ReadAsync(Request, Context.RequestAborted).ConfigureAwait(false);
        if (form is null)
        {
            return Refuse(status, reason!);
        }

        if (!validator.IsValid(Request, form))
        {
            return Refuse(StatusCodes.Status403Forbidden, "invalid signature");
        }

        if (TwilioWebhookForm.HasNul(form))
        {
            return Refuse(StatusCodes.Status400BadRequest, "NUL in the form");
        }

        Context.Features.Set<IFormFeature>(new FormFeature(form));
        var identity = new ClaimsIdentity([new Claim(AccountSidClaim, form["AccountSid"].ToString())], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        var status = result.Properties?.GetParameter<int>(StatusParameter) is > 0 and var refused ? refused : StatusCodes.Status403Forbidden;
        if (status == StatusCodes.Status403Forbidden)
        {
            Log.SignatureRejected(Logger);
        }
        else
        {
            Log.WebhookRefused(Logger, status, result.Failure?.Message);
        }

        Response.StatusCode = status;
    }

    private static AuthenticateResult Refuse(int status, string reason) =>
        AuthenticateResult.Fail(reason, new AuthenticationProperties(null, new Dictionary<string, object?> { [StatusParameter] = status }));
}
