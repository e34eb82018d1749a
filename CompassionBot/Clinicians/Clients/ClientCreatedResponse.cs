namespace CompassionBot.Clinicians.Clients;

/// <summary>Answer to <c>POST /api/clinicians/clients</c>: the record and its first link code.</summary>
public sealed record ClientCreatedResponse(ClientResponse Client, LinkCodeResponse LinkCode);
