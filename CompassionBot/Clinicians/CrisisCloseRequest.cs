namespace CompassionBot.Clinicians;

/// <summary>Optional body of <c>POST /api/clinicians/enrolments/{id}/crisis/close</c>.</summary>
/// <param name="EventId">
/// The crisis event to close (the <c>eventId</c> of its alert): closed only while it is the one keeping the conversation
/// in crisis mode, so a crisis that came after the alert the clinician acted on is not closed unseen. Without it, the
/// open event is closed.
/// </param>
public sealed record CrisisCloseRequest(string? EventId);
