namespace CompassionBot.Sms;

/// <summary>
/// SMS settings (section <c>Sms</c>). SMS is on only when <see cref="TwilioOptions.AccountSid"/>,
/// <see cref="TwilioOptions.AuthToken"/> and <see cref="TwilioOptions.PhoneNumber"/> are all set; with none of them the
/// service starts without SMS.
/// </summary>
public sealed class SmsOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Sms";

    /// <summary>
    /// The service's public base URL as Twilio calls it (e.g. <c>https://bot.clinic.example</c>), used to check webhook
    /// signatures behind a reverse proxy, where the request the service sees has another scheme or host.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Region for numbers written without a country code (ISO 3166, default <c>US</c>).</summary>
    public string DefaultRegion { get; set; } = "US";

    /// <summary>The Twilio account.</summary>
    public TwilioOptions Twilio { get; set; } = new();

    /// <summary>Whether SMS is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Twilio.AccountSid)
        && !string.IsNullOrWhiteSpace(Twilio.AuthToken)
        && !string.IsNullOrWhiteSpace(Twilio.PhoneNumber);
}
