namespace CompassionBot.Clinicians.Clients;

/// <summary>A new link code: the client types <c>link {Code}</c> (<c>vincular {Code}</c>) to the bot before <paramref name="ExpiresAt"/>.</summary>
/// <param name="Code">The code, shown once (only its hash is kept).</param>
/// <param name="ExpiresAt">When it stops working.</param>
public sealed record LinkCodeResponse(string Code, DateTimeOffset ExpiresAt);
