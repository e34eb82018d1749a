namespace CompassionBot.Clinicians.Clients;

/// <summary>A client's timeline (sessions, check-ins, safety events, link changes), for the API and the console alike.</summary>
internal sealed class ClientTimelines(ClientRecordStore records, ClientLinkStore links)
{
    /// <summary>Everything recorded for the client <paramref name="clientId"/>, each list oldest first.</summary>
    public async Task<TimelineResponse> ReadAsync(string clientId, CancellationToken cancellationToken) => new(
        clientId,
        await records.SessionsAsync(clientId, cancellationToken).ConfigureAwait(false),
        await records.CheckInsAsync(clientId, cancellationToken).ConfigureAwait(false),
        await records.SafetyEventsAsync(clientId, cancellationToken).ConfigureAwait(false),
        await links.ChangesAsync(clientId, cancellationToken).ConfigureAwait(false));
}
