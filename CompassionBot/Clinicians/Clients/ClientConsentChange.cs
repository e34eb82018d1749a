namespace CompassionBot.Clinicians.Clients;

/// <summary>A change of what a client shares with their clinician.</summary>
/// <param name="Change"><see cref="Linked"/>, <see cref="Unlinked"/> or <see cref="Enrolled"/>.</param>
/// <param name="ChannelId">The channel it happened on.</param>
/// <param name="At">When.</param>
public sealed record ClientConsentChange(string Change, string ChannelId, DateTimeOffset At)
{
    /// <summary>The client typed a link code and agreed to share their practice history.</summary>
    public const string Linked = "linked";

    /// <summary>The client asked to stop sharing.</summary>
    public const string Unlinked = "unlinked";

    /// <summary>The clinician enrolled the client's phone for SMS check-ins, with the client's recorded consent.</summary>
    public const string Enrolled = "enrolled";
}
