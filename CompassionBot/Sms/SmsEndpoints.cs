namespace CompassionBot.Sms;

/// <summary>The Twilio webhook endpoint.</summary>
public static class SmsEndpoints
{
    /// <summary>The webhook path to configure in Twilio (Messaging → "A message comes in", HTTP POST).</summary>
    public const string WebhookPath = "/api/sms/twilio";

    /// <summary>
    /// Maps <c>POST /api/sms/twilio</c> for requests Twilio signed, when SMS is configured (otherwise the path does not
    /// exist: 404).
    /// </summary>
    public static IEndpointRouteBuilder MapSms(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // The settings as configured, not IOptions: a wrong setting must fail the start as the host reports it, not here.
        var sms = endpoints.ServiceProvider.GetRequiredService<IConfiguration>().GetSection(SmsOptions.SectionName).Get<SmsOptions>();
        if (sms is not { Enabled: true })
        {
            return endpoints;
        }

        endpoints.MapPost(WebhookPath, (HttpRequest request, SmsWebhookHandler handler, CancellationToken cancellationToken) =>
            handler.HandleAsync(request, cancellationToken))
            .RequireAuthorization(TwilioSignatureAuthenticationHandler.SchemeName)
            .DisableAntiforgery();
        return endpoints;
    }
}
