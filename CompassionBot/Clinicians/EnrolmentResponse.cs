using CompassionBot.CheckIns;

namespace CompassionBot.Clinicians;

/// <summary>An enrolment as the clinician API shows it (the phone number is not echoed back).</summary>
public sealed record EnrolmentResponse(
    string Id, string Status, string TimeZone, string Locale, IReadOnlyList<string> Days, string Time, DateOnly StartDate, DateOnly? EndDate, DateTimeOffset? PausedUntil)
{
    internal static EnrolmentResponse From(CheckInEnrolment enrolment) => new(
        enrolment.Id,
        enrolment.Status.ToString().ToLowerInvariant(),
        enrolment.TimeZone,
        enrolment.Locale,
        enrolment.Schedule.DaysText.Split(','),
        enrolment.Schedule.TimeText,
        enrolment.StartDate,
        enrolment.EndDate,
        enrolment.PausedUntil);
}
