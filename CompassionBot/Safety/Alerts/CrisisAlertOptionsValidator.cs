using System.Net;
using Microsoft.Extensions.Options;

namespace CompassionBot.Safety.Alerts;

/// <summary>Checks the webhook address at start-up: absolute, and https unless it is a loopback address.</summary>
internal sealed class CrisisAlertOptionsValidator : IValidateOptions<CrisisAlertOptions>
{
    public ValidateOptionsResult Validate(string? name, CrisisAlertOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.AlertWebhookUrl is { } url)
        {
            if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                errors.Add("Safety:AlertWebhookUrl must be an absolute https URL.");
            }
            else if (url.Scheme == Uri.UriSchemeHttp && !IsLoopback(url))
            {
                errors.Add("Safety:AlertWebhookUrl must use https (http is allowed only to a loopback address).");
            }
        }

        if (options.AlertMaxBackoff < options.AlertInitialBackoff)
        {
            errors.Add("Safety:AlertMaxBackoff must not be shorter than Safety:AlertInitialBackoff.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
