namespace CompassionBot.Clinicians;

/// <summary>Something a clinician should hear about. Carries ids only: no phone number, no message text.</summary>
/// <param name="Clinician">Who to tell (the enrolling API key's name).</param>
/// <param name="EnrolmentId">The enrolment concerned.</param>
/// <param name="Kind">What happened, e.g. <see cref="UnansweredCheckIns"/>.</param>
/// <param name="At">When.</param>
public sealed record ClinicianNotification(string Clinician, string EnrolmentId, string Kind, DateTimeOffset At)
{
    /// <summary>Several check-ins in a row went unanswered; the frequency was lowered.</summary>
    public const string UnansweredCheckIns = "unanswered-checkins";
}
