namespace CompassionBot.Clinicians.Clients;

/// <summary><c>GET /api/clinicians/clients/{id}/timeline</c>: everything recorded for the client, each list oldest first.</summary>
public sealed record TimelineResponse(
    string ClientId,
    IReadOnlyList<PracticeSessionEntry> Sessions,
    IReadOnlyList<CheckInEntry> CheckIns,
    IReadOnlyList<SafetyEventEntry> SafetyEvents,
    IReadOnlyList<ClientConsentChange> ConsentChanges);
