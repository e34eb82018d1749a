namespace CompassionBot.Clinicians.Clients;

/// <summary>An alert as the clinician API shows it.</summary>
/// <param name="Id">Alert id (for a crisis or concern, the crisis event id).</param>
/// <param name="ClientId">The client concerned.</param>
/// <param name="ClientAlias">The clinician's name for the client.</param>
/// <param name="Kind"><c>crisis</c>, <c>concern</c> or <c>unanswered-checkins</c>.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Acknowledgement">Who acknowledged it, when, and their note; null while open.</param>
/// <param name="Clinician">The clinician it belongs to (the client's), the only one who may acknowledge it.</param>
public sealed record AlertResponse(string Id, string ClientId, string ClientAlias, string Kind, DateTimeOffset OccurredAt, AlertAcknowledgement? Acknowledgement, string Clinician);
