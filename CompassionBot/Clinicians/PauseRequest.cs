namespace CompassionBot.Clinicians;

/// <summary>Body of <c>POST /api/clinicians/enrolments/{id}/pause</c>.</summary>
/// <param name="Until">When check-ins resume by themselves; null pauses until resumed.</param>
public sealed record PauseRequest(DateTimeOffset? Until);
