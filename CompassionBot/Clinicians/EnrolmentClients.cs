using CompassionBot.CheckIns;
using CompassionBot.Clinicians.Clients;
using CompassionBot.Sms;

namespace CompassionBot.Clinicians;

/// <summary>
/// An SMS enrolment is a client record with the phone linked: the enrolment joins the clinician's client with that
/// number (or a new one), and the number's SMS conversation feeds that record.
/// </summary>
internal sealed class EnrolmentClients(ClientStore clients, Dialogs.Bot.ClinicOptions clinic, ClientLinkStore links, CheckInStore checkIns, SmsContactStore contacts, TimeProvider timeProvider)
{
    /// <summary>Puts <paramref name="enrolment"/> in its client record and links the number; returns the client id.</summary>
    public async Task<string> JoinAsync(CheckInEnrolment enrolment, string? alias, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        var client = await clients.FindByPhoneAsync(enrolment.Clinician, enrolment.Phone, cancellationToken).ConfigureAwait(false);
        if (client is null)
        {
            var region = Dialogs.Safety.CrisisRegion.FromPhoneNumber(enrolment.Phone) ?? clinic.Region;
            client = new ClientRecord(
                ClientEndpoints.NewId(), enrolment.Clinician, alias?.Trim() ?? enrolment.Id, enrolment.Locale, region, enrolment.Phone, timeProvider.GetUtcNow());
            await clients.CreateAsync(client, cancellationToken).ConfigureAwait(false);
        }

        await checkIns.SetClientAsync(enrolment.Id, client.Id, cancellationToken).ConfigureAwait(false);
        var contactId = await contacts.ContactIdAsync(enrolment.Phone, cancellationToken).ConfigureAwait(false);
        await links.LinkAsync(client.Id, SmsWebhookHandler.ChannelId, contactId, ClientConsentChange.Enrolled, cancellationToken).ConfigureAwait(false);
        return client.Id;
    }

    /// <summary>The enrolment as the API shows it, with its status as it is now (STOP shows as opted out).</summary>
    public async Task<EnrolmentResponse> ViewAsync(CheckInEnrolment enrolment, string? clientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        var contact = await contacts.StatusAsync(enrolment.Phone, cancellationToken).ConfigureAwait(false);
        return EnrolmentResponse.From(enrolment, clientId, contact.OptedOut, timeProvider.GetUtcNow());
    }
}
