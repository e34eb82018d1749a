namespace CompassionBot.Safety.Alerts;

/// <summary>A conversation's link to a client enrolment (ids only).</summary>
/// <param name="EnrolmentId">The enrolment.</param>
/// <param name="Clinician">Its clinician (the name of the API key that enrolled the client).</param>
internal sealed record EnrolmentLink(string EnrolmentId, string Clinician);
