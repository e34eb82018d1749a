using Microsoft.Extensions.Options;

namespace CompassionBot.Sms;

/// <summary>Sends the Twilio SDK's requests (always to api.twilio.com) to <c>Sms:Twilio:ApiBaseUrl</c> instead.</summary>
internal sealed class TwilioApiBaseUrlHandler(IOptions<SmsOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var baseUrl = options.Value.Twilio.ApiBaseUrl;
        if (request.RequestUri is { } uri && !string.Equals(baseUrl.TrimEnd('/'), TwilioOptions.DefaultApiBaseUrl, StringComparison.OrdinalIgnoreCase))
        {
            request.RequestUri = new Uri(new Uri(baseUrl.TrimEnd('/') + "/"), uri.PathAndQuery.TrimStart('/'));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
