namespace CompassionBot.Clinicians.EntraId;

/// <summary>Who is signed in to the console.</summary>
/// <param name="Name">The clinician's name (Entra ID's <c>preferred_username</c>, else <c>name</c>).</param>
/// <param name="Admin">Whether they hold the <c>ClinicAdmin</c> app role.</param>
/// <param name="Clients">How many clients they can read (every clinician's for an admin).</param>
public sealed record ClinicianMeResponse(string Name, bool Admin, int Clients);
