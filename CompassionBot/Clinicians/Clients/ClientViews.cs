using CompassionBot.CheckIns;

namespace CompassionBot.Clinicians.Clients;

/// <summary>Builds the <see cref="ClientResponse"/> of a client record: its links, last activity, open alerts and check-in status.</summary>
internal sealed class ClientViews(ClientLinkStore links, ClientRecordStore records, ClinicianAlertStore alerts, CheckInStore checkIns, EnrolmentClients enrolments)
{
    public async Task<ClientResponse> ViewAsync(ClientRecord client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var newest = await checkIns.ListByClientAsync(client.Id, cancellationToken).ConfigureAwait(false) is [var enrolment, ..]
            ? await enrolments.ViewAsync(enrolment, client.Id, cancellationToken).ConfigureAwait(false)
            : null;
        return new ClientResponse(
            client.Id,
            client.Alias,
            client.Locale,
            client.Region,
            client.Phone is not null,
            await links.ChannelsAsync(client.Id, cancellationToken).ConfigureAwait(false),
            await records.LastActivityAsync(client.Id, cancellationToken).ConfigureAwait(false),
            await alerts.CountOpenAsync(client.Id, cancellationToken).ConfigureAwait(false),
            newest?.Status,
            client.CreatedAt);
    }
}
