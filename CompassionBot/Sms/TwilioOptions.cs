namespace CompassionBot.Sms;

/// <summary>The Twilio account (section <c>Sms:Twilio</c>).</summary>
public sealed class TwilioOptions
{
    /// <summary>Twilio's own REST API.</summary>
    public const string DefaultApiBaseUrl = "https://api.twilio.com";

    /// <summary>Account SID (<c>AC…</c>).</summary>
    public string? AccountSid { get; set; }

    /// <summary>Auth token: signs webhooks and authenticates REST calls. A secret: keep it out of appsettings.json.</summary>
    public string? AuthToken { get; set; }

    /// <summary>The sending number, E.164 (e.g. <c>+15005550006</c>).</summary>
    public string? PhoneNumber { get; set; }

    /// <summary>Base URL of the REST API (default Twilio's; tests point it at a loopback fake).</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Wait before the one retry of a send that got 429 or 5xx, unless Twilio sends Retry-After (default 1 s).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Timeout of one REST call (default 10 s).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
