using Microsoft.Extensions.Options;
using Twilio.Security;

namespace CompassionBot.Sms;

/// <summary>
/// Checks <c>X-Twilio-Signature</c> with the Twilio SDK's <see cref="RequestValidator"/>, against the URL Twilio
/// called: <c>Sms:PublicBaseUrl</c> + the request's path and query (behind a proxy the service itself sees another
/// scheme or host).
/// </summary>
internal sealed class TwilioSignatureValidator(IOptions<SmsOptions> options)
{
    public const string HeaderName = "X-Twilio-Signature";

    public bool IsValid(HttpRequest request, IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(form);
        var signature = request.Headers[HeaderName].ToString();
        var settings = options.Value;
        if (string.IsNullOrEmpty(signature) || settings.Twilio.AuthToken is not { Length: > 0 } token || settings.PublicBaseUrl is not { Length: > 0 } baseUrl)
        {
            return false;
        }

        var url = baseUrl.TrimEnd('/') + request.PathBase + request.Path + request.QueryString;
        var parameters = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        return new RequestValidator(token).Validate(url, parameters, signature);
    }
}
