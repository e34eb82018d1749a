using System.Security.Cryptography;
using CompassionBot.CheckIns;
using CompassionBot.Dialogs.Content;
using CompassionBot.Sms;

namespace CompassionBot.Clinicians;

/// <summary>Validates an <see cref="EnrolmentRequest"/> and builds the enrolment and its consent record.</summary>
internal static class EnrolmentFactory
{
    public static (CheckInEnrolment? Enrolment, SmsConsent? Consent, Dictionary<string, string[]> Errors) Create(
        EnrolmentRequest request, string clinician, string defaultRegion, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var phone = PhoneNumberNormalizer.ToE164(request.Phone, defaultRegion);
        Require(errors, phone is not null, "phone", "A valid mobile number is required, e.g. +14155552671.");
        Require(errors, request.TimeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(request.TimeZone, out _), "timeZone", "An IANA time zone is required, e.g. America/New_York.");
        var locale = SupportedLocales.Match(request.Locale ?? SupportedLocales.English);
        Require(errors, locale is not null, "locale", "Locale must be en or es.");
        var schedule = CheckInSchedule.Parse(request.Schedule?.Days, request.Schedule?.Time);
        Require(errors, schedule is not null, "schedule", "Schedule needs days (e.g. [\"Mon\",\"Wed\",\"Fri\"]) and a time (HH:mm).");
        Require(errors, schedule is null || (schedule.Time >= CheckInOptions.WindowStart && schedule.Time < CheckInOptions.WindowEnd), "schedule.time", "Check-ins can only be scheduled between 08:00 and 21:00 local time.");
        Require(errors, request.Alias is null || request.Alias.Trim() is { Length: > 0 and <= Clients.ClientEndpoints.MaxAliasLength }, "alias", $"The alias must be 1 to {Clients.ClientEndpoints.MaxAliasLength} characters.");
        Require(errors, request.StartDate is not null, "startDate", "A start date is required (yyyy-MM-dd).");
        Require(errors, request.EndDate is null || request.StartDate is null || request.EndDate >= request.StartDate, "endDate", "The end date must not be before the start date.");
        var consent = request.Consent;
        Require(errors, consent?.ConsentedAt is not null, "consent.consentedAt", "When the client agreed is required.");
        Require(errors, !string.IsNullOrWhiteSpace(consent?.Method), "consent.method", "How the client agreed is required (web-form, paper, verbal, ...).");
        Require(errors, !string.IsNullOrWhiteSpace(consent?.Disclosure), "consent.disclosure", "The exact disclosure text the client agreed to is required.");
        if (errors.Count > 0)
        {
            return (null, null, errors);
        }

        var enrolment = new CheckInEnrolment(
            "enr-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10)),
            phone!,
            clinician,
            request.TimeZone!,
            locale!,
            schedule!,
            request.StartDate!.Value,
            request.EndDate,
            EnrolmentStatus.Active,
            null,
            1,
            0,
            0,
            null,
            now);
        var record = new SmsConsent(phone!, string.IsNullOrWhiteSpace(consent!.RecordedBy) ? clinician : consent.RecordedBy, consent.ConsentedAt!.Value, consent.Method!, consent.Disclosure!);
        return (enrolment, record, errors);
    }

    private static void Require(Dictionary<string, string[]> errors, bool condition, string field, string message)
    {
        if (!condition)
        {
            errors[field] = [message];
        }
    }
}
