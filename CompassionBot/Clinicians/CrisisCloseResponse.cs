namespace CompassionBot.Clinicians;

/// <summary>What <c>POST /api/clinicians/enrolments/{id}/crisis/close</c> closed.</summary>
/// <param name="EnrolmentId">The enrolment.</param>
/// <param name="EventId">The crisis event now closed.</param>
/// <param name="Outcome">Always <c>clinician-closed</c>.</param>
/// <param name="ClosedAt">When.</param>
public sealed record CrisisCloseResponse(string EnrolmentId, string EventId, string Outcome, DateTimeOffset ClosedAt);
