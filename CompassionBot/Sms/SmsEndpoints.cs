namespace CompassionBot.Sms;

/// <summary>The Twilio webhook endpoint.</summary>
public static class SmsEndpoints
{
    /// <summary>The webhook path to configure in Twilio (Messaging → "A message comes in", HTTP POST).</summary>
    public const string WebhookPath = "/api/sms/twilio";

    /// <summary>Maps <c>POST /api/sms/twilio</c> (404 while SMS is not configured).</summary>
    public static IEndpointRouteBuilder MapSms(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(WebhookPath, (HttpRequest request, SmsWebhookHandler handler, CancellationToken cancellationToken) =>
            handler.HandleAsync(request, cancellationToken))
            .DisableAntiforgery();
        return endpoints;
    }
}
