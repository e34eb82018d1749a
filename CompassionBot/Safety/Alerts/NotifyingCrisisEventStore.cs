using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Safety.Alerts;

/// <summary>The configured <see cref="ICrisisEventStore"/>, waking the dispatcher after each newly recorded event.</summary>
internal sealed class NotifyingCrisisEventStore(ICrisisEventStore inner, CrisisAlertSignal signal) : ICrisisEventStore
{
    public async Task<bool> RecordAsync(CrisisEvent crisisEvent, CancellationToken cancellationToken)
    {
        var recorded = await inner.RecordAsync(crisisEvent, cancellationToken).ConfigureAwait(false);
        if (recorded)
        {
            signal.Notify();
        }

        return recorded;
    }

    public Task RecordOutcomeAsync(string eventId, CrisisOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.RecordOutcomeAsync(eventId, outcome, at, cancellationToken);

    public Task<IReadOnlyList<CrisisEvent>> ListAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        inner.ListAsync(channelId, conversationId, cancellationToken);
}
