using CompassionBot.CheckIns;
using CompassionBot.Safety.Alerts;
using CompassionBot.Sms;

namespace CompassionBot.Clinicians;

/// <summary>
/// Links conversations to client enrolments. Today only SMS does: a client's texts and their check-ins are one Twilio
/// conversation, named by the pseudonymous contact id of the number (<see cref="SmsContactStore"/>), and the number's
/// newest enrolment that has not ended (<see cref="CheckInStore.FindActiveByPhoneAsync"/>) is the client's.
/// </summary>
internal sealed class SmsEnrolmentLinks(SmsContactStore contacts, CheckInStore checkIns) : IEnrolmentLinks
{
    public async Task<EnrolmentLink?> FindAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        if (channelId != SmsWebhookHandler.ChannelId || await contacts.PhoneAsync(conversationId, cancellationToken).ConfigureAwait(false) is not { } phone)
        {
            return null;
        }

        return await checkIns.FindActiveByPhoneAsync(phone, cancellationToken).ConfigureAwait(false) is { } enrolment
            ? new EnrolmentLink(enrolment.Id, enrolment.Clinician)
            : null;
    }
}
