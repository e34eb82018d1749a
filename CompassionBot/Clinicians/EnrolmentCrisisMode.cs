using CompassionBot.Dialogs.Safety;
using CompassionBot.Sms;

namespace CompassionBot.Clinicians;

/// <summary>Crisis mode as an enrolment sees it, from the crisis events of the client's SMS conversation.</summary>
internal static class EnrolmentCrisisMode
{
    /// <summary>
    /// The event that keeps the conversation of <paramref name="contactId"/> in crisis mode: its latest crisis-level event,
    /// while nothing has followed the referral (<see cref="CrisisOutcome.LineGiven"/>); null otherwise. Concern events (a
    /// referral without crisis mode) do not count.
    /// </summary>
    public static async Task<CrisisEvent?> OpenEventAsync(ICrisisEventStore events, string contactId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var all = await events.ListAsync(SmsWebhookHandler.ChannelId, contactId, cancellationToken).ConfigureAwait(false);
        return all.LastOrDefault(e => e.Level == RiskLevel.Crisis) is { Outcome: CrisisOutcome.LineGiven } open ? open : null;
    }
}
