using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Safety.Alerts;

/// <summary>
/// The configured <see cref="ICrisisEventStore"/>, recording each event with the client's enrolment and clinician where
/// its conversation is linked to one (<see cref="IEnrolmentLinks"/>), so that its alerts, now and later, name them. A
/// lookup that fails never stops the event: it is recorded without the link.
/// </summary>
internal sealed class LinkingCrisisEventStore(ICrisisEventStore inner, IEnrolmentLinks? links, ILogger<LinkingCrisisEventStore> logger) : ICrisisEventStore
{
    public async Task<bool> RecordAsync(CrisisEvent crisisEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(crisisEvent);
        if (links is not null && crisisEvent.EnrolmentId is null)
        {
            try
            {
                if (await links.FindAsync(crisisEvent.ChannelId, crisisEvent.ConversationId, cancellationToken).ConfigureAwait(false) is { } link)
                {
                    crisisEvent = crisisEvent with { EnrolmentId = link.EnrolmentId, Clinician = link.Clinician };
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                CrisisAlertLog.LinkFailed(logger, crisisEvent.Id, exception);
            }
        }

        return await inner.RecordAsync(crisisEvent, cancellationToken).ConfigureAwait(false);
    }

    public Task RecordOutcomeAsync(string eventId, CrisisOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.RecordOutcomeAsync(eventId, outcome, at, cancellationToken);

    public Task<IReadOnlyList<CrisisEvent>> ListAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        inner.ListAsync(channelId, conversationId, cancellationToken);
}
