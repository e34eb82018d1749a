using CompassionBot.Clinicians;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Safety.Alerts;

namespace CompassionBot.Tests.Support;

/// <summary>
/// Wraps the real crisis store (events + alert outbox) and lets a test await outbox transitions made by the
/// background dispatcher, instead of polling or sleeping.
/// </summary>
internal sealed class ObservedCrisisStore<TStore> : ICrisisEventStore, ICrisisAlertOutbox
    where TStore : ICrisisEventStore, ICrisisAlertOutbox
{
    private readonly TaskCompletionSource<string> _delivered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _recordedDelivered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<string> _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TStore? _inner;

    private TStore Inner => _inner ?? throw new InvalidOperationException("Not attached to a store yet.");

    /// <summary>Wraps <paramref name="store"/> (called from the service registration).</summary>
    public ObservedCrisisStore<TStore> Attach(TStore store)
    {
        _inner = store;
        return this;
    }

    /// <summary>Completes with the alert id (for an event's own alert, the event id) of the first delivered alert.</summary>
    public Task<string> Delivered => _delivered.Task;

    /// <summary>Completes with the alert id of the next failed delivery (call <see cref="ExpectFailure"/> to wait for another).</summary>
    public Task<string> Failed => _failed.Task;

    /// <summary>
    /// Completes with the event id of the first event recorded with its alert already delivered (held while the store took
    /// no writes, sent directly, recorded once it could be).
    /// </summary>
    public Task<string> RecordedDelivered => _recordedDelivered.Task;

    public void ExpectFailure() => _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>While true, recording an event fails as on a full disk (the outbox is in the same store).</summary>
    public bool RefuseRecords { get; set; }

    public Task<bool> RecordAsync(CrisisEvent crisisEvent, CancellationToken cancellationToken) =>
        RefuseRecords ? throw new IOException("database or disk is full") : Inner.RecordAsync(crisisEvent, cancellationToken);

    public Task RecordOutcomeAsync(string eventId, CrisisOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken) =>
        Inner.RecordOutcomeAsync(eventId, outcome, at, cancellationToken);

    public Task<IReadOnlyList<CrisisEvent>> ListAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        Inner.ListAsync(channelId, conversationId, cancellationToken);

    public async Task<bool> RecordDeliveredAsync(CrisisEvent crisisEvent, DateTimeOffset deliveredAt, CancellationToken cancellationToken)
    {
        var recorded = RefuseRecords ? throw new IOException("database or disk is full") : await Inner.RecordDeliveredAsync(crisisEvent, deliveredAt, cancellationToken);
        _recordedDelivered.TrySetResult(crisisEvent.Id);
        return recorded;
    }

    public Task<bool> EnqueueAsync(ClinicianNotification notification, CancellationToken cancellationToken) => Inner.EnqueueAsync(notification, cancellationToken);

    public Task<IReadOnlyList<CrisisAlert>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken) =>
        Inner.ClaimDueAsync(now, lease, max, cancellationToken);

    public async Task<bool> MarkDeliveredAsync(CrisisAlert alert, DateTimeOffset deliveredAt, CancellationToken cancellationToken)
    {
        var marked = await Inner.MarkDeliveredAsync(alert, deliveredAt, cancellationToken);
        _delivered.TrySetResult(alert.AlertId);
        return marked;
    }

    public async Task<bool> MarkFailedAsync(CrisisAlert alert, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken)
    {
        var marked = await Inner.MarkFailedAsync(alert, nextAttemptAt, error, cancellationToken);
        _failed.TrySetResult(alert.AlertId);
        return marked;
    }

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) => Inner.NextDueAsync(cancellationToken);
}
