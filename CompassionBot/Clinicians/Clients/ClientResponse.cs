namespace CompassionBot.Clinicians.Clients;

/// <summary>A client as the clinician API shows it (the phone number is not echoed back).</summary>
/// <param name="Id">Client id.</param>
/// <param name="Alias">The clinician's name for the client.</param>
/// <param name="Locale"><c>en</c> or <c>es</c>.</param>
/// <param name="Region">ISO 3166 code.</param>
/// <param name="HasPhone">Whether a phone number is on file.</param>
/// <param name="LinkedChannels">The channels the client has linked and shares their history from.</param>
/// <param name="LastActivityAt">The latest practice session end or crisis event recorded, if any.</param>
/// <param name="OpenAlerts">Alerts about the client not yet acknowledged.</param>
/// <param name="CheckIns">The status of the client's newest enrolment (<c>active</c>, <c>paused</c>, <c>opted-out</c>, <c>ended</c>), or null when never enrolled.</param>
/// <param name="CreatedAt">When the record was made.</param>
public sealed record ClientResponse(
    string Id,
    string Alias,
    string Locale,
    string Region,
    bool HasPhone,
    IReadOnlyList<string> LinkedChannels,
    DateTimeOffset? LastActivityAt,
    int OpenAlerts,
    string? CheckIns,
    DateTimeOffset CreatedAt);
