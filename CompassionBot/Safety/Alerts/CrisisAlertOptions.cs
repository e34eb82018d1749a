using System.ComponentModel.DataAnnotations;

namespace CompassionBot.Safety.Alerts;

/// <summary>
/// Clinician alerts for crisis events (section <c>Safety</c>). Without <see cref="AlertWebhookUrl"/> alerts are still
/// queued durably, and delivered once a webhook is configured.
/// </summary>
internal sealed class CrisisAlertOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Safety";

    /// <summary>Where alerts are POSTed (https; http only to a loopback address). Null: queue only.</summary>
    public Uri? AlertWebhookUrl { get; set; }

    /// <summary>Optional shared secret: each POST then carries <c>X-CompassionBot-Signature: sha256=&lt;hex HMAC of the body&gt;</c>.</summary>
    public string? AlertWebhookSecret { get; set; }

    /// <summary>Time allowed for one HTTP attempt. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00", ErrorMessage = "Safety:AlertTimeout must be between 00:00:00.100 and 00:05:00.")]
    public TimeSpan AlertTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Delay before the first quick in-line retry of a delivery (exponential, jittered; 2 retries). Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Safety:AlertRetryDelay must be between 00:00:00 and 00:01:00.")]
    public TimeSpan AlertRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Wait after the first failed delivery; doubles per failure up to <see cref="AlertMaxBackoff"/>. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Safety:AlertInitialBackoff must be between 00:00:01 and 01:00:00.")]
    public TimeSpan AlertInitialBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between delivery attempts; an alert is retried at this pace for as long as it takes. Default 15 min.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Safety:AlertMaxBackoff must be between 00:00:01 and 1.00:00:00.")]
    public TimeSpan AlertMaxBackoff { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the outbox is checked for alerts queued by other instances or due for retry. Default 15 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Safety:AlertPollInterval must be between 00:00:01 and 00:10:00.")]
    public TimeSpan AlertPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The wait after <paramref name="attempts"/> failed deliveries (1 or more).</summary>
    public TimeSpan BackoffAfter(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var wait = AlertInitialBackoff.TotalMilliseconds * factor;
        return TimeSpan.FromMilliseconds(Math.Min(wait, AlertMaxBackoff.TotalMilliseconds));
    }
}
