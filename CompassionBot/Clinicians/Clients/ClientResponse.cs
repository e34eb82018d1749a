namespace CompassionBot.Clinicians.Clients;

/// <summary>A client as the clinician API shows it (the phone number is not echoed back).</summary>
/// <param name="Id">Client id.</param>
/// <param name="Alias">The clinician's name for the client.</param>
/// <param name="Locale"><c>en</c> or <c>es</c>.</param>
/// <param name="Region">ISO 3166 code.</param>
/// <param name="HasPhone">Whether a phone number is on file.</param>
/// <param name="LinkedChannels">The channels the client has linked and shares their history from.</param>
/// <param name="CreatedAt">When the record was made.</param>
public sealed record ClientResponse(string Id, string Alias, string Locale, string Region, bool HasPhone, IReadOnlyList<string> LinkedChannels, DateTimeOffset CreatedAt)
{
    internal static ClientResponse From(ClientRecord client, IReadOnlyList<string> linkedChannels) =>
        new(client.Id, client.Alias, client.Locale, client.Region, client.Phone is not null, linkedChannels, client.CreatedAt);
}
