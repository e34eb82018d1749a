namespace CompassionBot.Clinicians.Clients;

/// <summary>The client record a channel user is linked to.</summary>
internal sealed record ClientLink
{
    /// <summary>The client.</summary>
    public required string ClientId { get; init; }

    /// <summary>The clinician the client belongs to.</summary>
    public required string Clinician { get; init; }
}
