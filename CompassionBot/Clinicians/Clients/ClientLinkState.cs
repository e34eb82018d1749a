namespace CompassionBot.Clinicians.Clients;

/// <summary>The state of a <see cref="ClientLinkDialog"/>: the hash of the code the person typed (never the code).</summary>
public sealed record ClientLinkState(string CodeHash);
