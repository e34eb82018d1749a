namespace CompassionBot.Clinicians.Clients;

/// <summary>Body of <c>POST /api/clinicians/clients</c>.</summary>
/// <param name="Alias">The clinician's name for the client (not a legal name), 1–64 characters.</param>
/// <param name="Locale"><c>en</c> (default) or <c>es</c>.</param>
/// <param name="Region">ISO 3166 code for crisis resources (default <c>Clinic:Region</c>).</param>
/// <param name="Phone">Mobile number, optional: an SMS enrolment of it by the same clinician joins this record.</param>
public sealed record ClientRequest(string? Alias, string? Locale, string? Region, string? Phone);
