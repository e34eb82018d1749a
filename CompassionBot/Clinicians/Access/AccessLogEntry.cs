namespace CompassionBot.Clinicians.Access;

/// <summary>One recorded read of a client's data.</summary>
/// <param name="Id">Position in the log (larger is newer); <c>before</c> of the next page.</param>
/// <param name="Clinician">Who read it (the API key's name, or the Entra ID user's name).</param>
/// <param name="ClientId">Whose data.</param>
/// <param name="Kind">What was read (<see cref="ClientReadKinds"/>: <c>client</c>, <c>timeline</c>, ...).</param>
/// <param name="At">When.</param>
public sealed record AccessLogEntry(long Id, string Clinician, string ClientId, string Kind, DateTimeOffset At);
