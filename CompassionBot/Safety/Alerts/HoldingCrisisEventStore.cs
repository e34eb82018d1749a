using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.State;

namespace CompassionBot.Safety.Alerts;

/// <summary>
/// The configured <see cref="ICrisisEventStore"/>, handing each event it cannot record (the store takes no writes: disk
/// full, database down) to <see cref="HeldCrisisAlerts"/>, which alerts the clinician directly and records the event once
/// it can. The failure is still thrown, so the turn knows the event is not on record (and promises no alert). Each write's
/// outcome also goes to <see cref="StorageWriteHealth"/>.
/// </summary>
internal sealed class HoldingCrisisEventStore(ICrisisEventStore inner, HeldCrisisAlerts held, StorageWriteHealth writes) : ICrisisEventStore
{
    public async Task<bool> RecordAsync(CrisisEvent crisisEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(crisisEvent);
        bool recorded;
        try
        {
            recorded = await inner.RecordAsync(crisisEvent, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            writes.RecordFailure();
            held.Hold(crisisEvent, exception);
            throw;
        }

        writes.RecordSuccess();

        // A retried turn may record what an earlier attempt could not: the outbox has its alert now.
        held.Release(crisisEvent.Id);
        return recorded;
    }

    public Task RecordOutcomeAsync(string eventId, CrisisOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.RecordOutcomeAsync(eventId, outcome, at, cancellationToken);

    public Task<IReadOnlyList<CrisisEvent>> ListAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        inner.ListAsync(channelId, conversationId, cancellationToken);
}
