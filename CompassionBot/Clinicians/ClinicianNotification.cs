namespace CompassionBot.Clinicians;

/// <summary>Something a clinician should hear about. Carries ids only: no phone number, no message text.</summary>
/// <param name="Id">Unique per occurrence and the same when the occurrence is handled again: the alert's <c>Idempotency-Key</c>.</param>
/// <param name="Clinician">Who to tell (the enrolling API key's name).</param>
/// <param name="EnrolmentId">The enrolment concerned.</param>
/// <param name="Kind">What happened, e.g. <see cref="UnansweredCheckIns"/>.</param>
/// <param name="ChannelId">The channel it happened on (check-ins: <c>twilio-sms</c>).</param>
/// <param name="At">When.</param>
public sealed record ClinicianNotification(string Id, string Clinician, string EnrolmentId, string Kind, string ChannelId, DateTimeOffset At)
{
    /// <summary>Several check-ins in a row went unanswered; the frequency was lowered.</summary>
    public const string UnansweredCheckIns = "unanswered-checkins";
}
