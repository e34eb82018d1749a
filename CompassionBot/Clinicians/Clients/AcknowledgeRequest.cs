namespace CompassionBot.Clinicians.Clients;

/// <summary>Body of <c>POST /api/clinicians/alerts/{id}/acknowledge</c> (optional).</summary>
/// <param name="Note">A short note on what was done (at most 500 characters).</param>
public sealed record AcknowledgeRequest(string? Note);
