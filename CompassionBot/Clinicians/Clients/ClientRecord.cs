namespace CompassionBot.Clinicians.Clients;

/// <summary>A clinician's client: known by an alias the clinician chose, never a legal name.</summary>
/// <param name="Id">Client id (<c>cli-…</c>, no personal data).</param>
/// <param name="Clinician">The clinician the client belongs to (API key name).</param>
/// <param name="Alias">The clinician's name for the client.</param>
/// <param name="Locale"><c>en</c> or <c>es</c>.</param>
/// <param name="Region">ISO 3166 code for crisis resources.</param>
/// <param name="Phone">E.164 number, when the clinician gave one (never shown back by the API).</param>
/// <param name="CreatedAt">When the record was made.</param>
public sealed record ClientRecord(string Id, string Clinician, string Alias, string Locale, string Region, string? Phone, DateTimeOffset CreatedAt);
