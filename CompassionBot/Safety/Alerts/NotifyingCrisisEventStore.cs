using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Safety.Alerts;

/// <summary>The configured <see cref="ICrisisEventStore"/>, waking the dispatcher after each newly recorded event or outcome.</summary>
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

    public async Task RecordOutcomeAsync(string eventId, CrisisOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await inner.RecordOutcomeAsync(eventId, outcome, at, cancellationToken).ConfigureAwait(false);
        signal.Notify();
    }

    public Task<IReadOnlyList<CrisisEvent>> ListAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        inner.ListAsync(channelId, conversationId, cancellationToken);
}
