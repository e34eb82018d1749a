namespace CompassionBot.Clinicians;

/// <summary>Body of <c>POST /api/clinicians/enrolments</c>.</summary>
/// <param name="Phone">The client's mobile number (E.164 preferred).</param>
/// <param name="TimeZone">IANA time zone, e.g. <c>America/New_York</c>.</param>
/// <param name="Locale"><c>en</c> or <c>es</c>.</param>
/// <param name="Consent">The client's recorded opt-in.</param>
/// <param name="Schedule">Days and local time.</param>
/// <param name="StartDate">First day, <c>yyyy-MM-dd</c>.</param>
/// <param name="EndDate">Last day, optional.</param>
/// <param name="Alias">
/// The clinician's name for the client when the enrolment starts a new client record (default: the enrolment id); a
/// client of the same clinician with this phone number gets the enrolment instead.
/// </param>
public sealed record EnrolmentRequest(
    string? Phone, string? TimeZone, string? Locale, ConsentRequest? Consent, ScheduleRequest? Schedule, DateOnly? StartDate, DateOnly? EndDate, string? Alias = null);
