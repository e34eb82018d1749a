using Microsoft.Extensions.Options;

namespace CompassionBot.Sms;

/// <summary>Checks the SMS settings at start-up: all or nothing, E.164 sender, absolute URLs.</summary>
internal sealed class SmsOptionsValidator : IValidateOptions<SmsOptions>
{
    public ValidateOptionsResult Validate(string? name, SmsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var twilio = options.Twilio;
        var given = new[] { twilio.AccountSid, twilio.AuthToken, twilio.PhoneNumber }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (given == 0)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (given < 3)
        {
            errors.Add("Sms:Twilio:AccountSid, Sms:Twilio:AuthToken and Sms:Twilio:PhoneNumber must be set together (or none of them, to run without SMS).");
        }

        if (!string.IsNullOrWhiteSpace(twilio.PhoneNumber) && PhoneNumberNormalizer.ToE164(twilio.PhoneNumber, options.DefaultRegion) != twilio.PhoneNumber)
        {
            errors.Add("Sms:Twilio:PhoneNumber must be a valid number in E.164 form, e.g. +15005550006.");
        }

        if (!IsHttpUrl(options.PublicBaseUrl))
        {
            errors.Add("Sms:PublicBaseUrl must be the absolute http(s) URL Twilio calls this service on, e.g. https://bot.clinic.example.");
        }

        if (!IsHttpUrl(twilio.ApiBaseUrl))
        {
            errors.Add("Sms:Twilio:ApiBaseUrl must be an absolute http(s) URL.");
        }

        if (twilio.RetryDelay < TimeSpan.Zero || twilio.AttemptTimeout <= TimeSpan.Zero)
        {
            errors.Add("Sms:Twilio:RetryDelay must not be negative and Sms:Twilio:AttemptTimeout must be positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
